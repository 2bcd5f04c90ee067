package org.linyunzhi.task.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Tunables of the task module ({@code linyunzhi.task.*}).
 *
 * @param photoMaxSize   the largest photo accepted; phones shoot 3–6 MB, so 10 MB leaves room
 * @param photosPerSubmission how many photos one submission may carry
 * @param exportMaxRows  the most rows one Excel export writes (a streaming sheet, but a person
 *                       asking for more wants a data extract, not a spreadsheet)
 */
@ConfigurationProperties("linyunzhi.task")
record TaskProperties(DataSize photoMaxSize, Integer photosPerSubmission, Integer exportMaxRows) {

    TaskProperties {
        photoMaxSize = photoMaxSize == null ? DataSize.ofMegabytes(10) : photoMaxSize;
        photosPerSubmission = photosPerSubmission == null ? 9 : photosPerSubmission;
        exportMaxRows = exportMaxRows == null ? 200_000 : exportMaxRows;
    }
}
