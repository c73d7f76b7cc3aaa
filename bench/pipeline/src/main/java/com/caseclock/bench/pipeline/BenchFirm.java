package com.caseclock.bench.pipeline;

import java.util.List;

/**
 * One benchmark firm as CaseClock sees it, connected to a firm of the Clio sandbox.
 *
 * @param firmId       CaseClock firm id ({@code bench-01} …)
 * @param userId       the firm's lawyer (CaseClock user id)
 * @param token        the lawyer's bearer token
 * @param sandboxFirm  key of the sandbox firm (Clio account) it is connected to
 * @param clioUserId   the lawyer's Clio user id in that sandbox firm
 * @param matterIds    open Clio matters created for this firm (all known to CaseClock once set up)
 */
record BenchFirm(String firmId, String userId, String token, String sandboxFirm, long clioUserId,
        List<Long> matterIds) {
}
