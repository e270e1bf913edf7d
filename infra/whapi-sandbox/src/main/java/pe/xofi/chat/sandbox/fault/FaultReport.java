package pe.xofi.chat.sandbox.fault;

/**
 * The fault plan in force and its effect since it was set.
 *
 * @param plan        what was asked for
 * @param remaining   how many of the next sends still fail
 * @param accepted    sends accepted
 * @param faulted     sends answered with the plan's failure
 * @param rateLimited sends answered 429 by the rate limit
 */
public record FaultReport(FaultPlan plan, int remaining, long accepted, long faulted, long rateLimited) {}
