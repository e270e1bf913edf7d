package pe.xofi.chat.bench.run;

import java.time.Duration;

/**
 * When to stop waiting for the replies of an end-to-end run (see {@link Drain}).
 *
 * @param quiet how long no reply may arrive, once every webhook has its reply, before the run is
 *              over (a webhook's second reply may still be on its way)
 * @param idle  how long nothing may move while the engine has no lag before the missing replies
 *              count as lost
 * @param stall how long nothing may move at all (no reply, no change in the engine's lag) before
 *              the wait is given up
 * @param cap   the longest wait
 */
public record DrainRule(Duration quiet, Duration idle, Duration stall, Duration cap) {}
