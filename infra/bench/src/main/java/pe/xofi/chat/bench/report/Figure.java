package pe.xofi.chat.bench.report;

/**
 * One line of the result table.
 *
 * @param name    what was measured
 * @param value   the measured value, with its unit
 * @param goal    the goal of the issue
 * @param anchor  what the value is compared with (Kafka's own producer, the provider's limit…)
 * @param ratio   value / anchor, when that means something
 * @param verdict pass, fail, or information only
 */
public record Figure(String name, String value, String goal, String anchor, String ratio, Verdict verdict) {}
