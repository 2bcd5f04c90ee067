package org.linyunzhi.audit.internal;

import java.time.Instant;

/**
 * The outcome of a verification.
 *
 * @param intact      whether every row from the anchor to the head is present, unchanged and linked
 * @param rowsChecked rows read before the walk ended
 * @param firstSeq    the first row of the chain (after the last purge), or null when the chain is empty
 * @param headSeq     the last row the chain head records
 * @param headHash    the hash the chain head records; copied elsewhere, it anchors the chain in time
 * @param firstBreak  where the chain first breaks, or null when intact
 */
record ChainReport(boolean intact, long rowsChecked, Long firstSeq, long headSeq, String headHash,
                   Break firstBreak, Instant checkedAt, long tookMs) {

    /** The kinds of tampering a hash chain reveals. */
    enum Kind {
        /** the row's content no longer matches its hash */
        ALTERED,
        /** rows are missing: the sequence jumps, or ends before the head */
        DELETED,
        /** a row does not link to the one before it, stands before the last purge, or lies beyond the head */
        INSERTED
    }

    /**
     * @param seq    the row where the break shows
     * @param kind   what happened there
     * @param detail a sentence for the API and the log (the page words it from the kind)
     */
    record Break(long seq, Kind kind, String detail) {
    }
}
