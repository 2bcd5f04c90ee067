package org.linyunzhi.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Appends from many threads, each on its own connection as on separate nodes, keep one linear chain. */
@IntegrationTest
class ConcurrentAppendTest {

    static final int THREADS = 8;
    static final int APPENDS_EACH = 25;

    @Autowired
    OperationLog operationLog;
    @Autowired
    ChainVerifier verifier;

    @Test
    void concurrentAppendsKeepTheChainValid() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<List<Long>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                String user = "worker" + t;
                Callable<List<Long>> appends = () -> {
                    List<Long> seqs = new ArrayList<>();
                    for (int i = 0; i < APPENDS_EACH; i++) {
                        seqs.add(operationLog.append(Entries.write(user, Instant.now())));
                    }
                    return seqs;
                };
                results.add(pool.submit(appends));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> r : results) {
                all.addAll(r.get(60, TimeUnit.SECONDS));
            }
            assertThat(all).hasSize(THREADS * APPENDS_EACH).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }

        ChainReport report = verifier.verify();
        assertThat(report.intact()).as("%s", report.firstBreak()).isTrue();
        assertThat(report.rowsChecked()).isGreaterThanOrEqualTo(THREADS * APPENDS_EACH);
    }
}
