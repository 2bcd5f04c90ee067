package org.linyunzhi.task.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.linyunzhi.identity.DataScope;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The task list of the current filter as an Excel workbook, written while the rows stream from the
 * database: SXSSF keeps only a window of rows in memory and spills the rest to a temporary file, so
 * an export of the whole town needs no more heap than one of a grid. The first columns are the
 * seed's table (序号, 任务名称, 任务描述, 任务状态, 负责人, 更新时间).
 */
@Component
class TaskExport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(TaskNumbers.TOWN_ZONE);
    private static final List<String> HEADERS = List.of("index", "number", "name", "description", "state", "assignee",
            "updated", "type", "source", "region", "deadline", "overdue", "issuer");

    private final TaskSearch search;
    private final MessageSource messages;
    private final TaskProperties properties;

    TaskExport(TaskSearch search, MessageSource messages, TaskProperties properties) {
        this.search = search;
        this.messages = messages;
        this.properties = properties;
    }

    void write(TaskFilter filter, DataScope scope, Locale locale, Instant now, OutputStream out) throws IOException {
        TaskSearch.orderBy(filter.sort()); // refuse a bad sort key before the first byte is written
        try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
            Sheet sheet = book.createSheet(text("task.export.sheet", locale));
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(text("task.export.column." + HEADERS.get(i), locale));
                cell.setCellStyle(bold);
            }
            int[] index = {0};
            search.forEach(filter, scope, properties.exportMaxRows(), now, r -> {
                Row row = sheet.createRow(++index[0]);
                int c = 0;
                row.createCell(c++).setCellValue(index[0]);
                row.createCell(c++).setCellValue(r.number());
                row.createCell(c++).setCellValue(r.name());
                row.createCell(c++).setCellValue(r.description() == null ? "" : r.description());
                row.createCell(c++).setCellValue(text("task.state." + r.state().name(), locale));
                row.createCell(c++).setCellValue(r.assigneeName() == null ? "" : r.assigneeName());
                row.createCell(c++).setCellValue(time(r.updatedAt()));
                row.createCell(c++).setCellValue(text("task.type." + r.type().name(), locale));
                row.createCell(c++).setCellValue(text("task.source." + r.source().name(), locale));
                row.createCell(c++).setCellValue(r.regionName());
                row.createCell(c++).setCellValue(time(r.deadline()));
                row.createCell(c++).setCellValue(text(r.overdueNow() ? "task.export.yes" : "task.export.no", locale));
                row.createCell(c).setCellValue(r.issuerName());
            });
            sheet.createFreezePane(0, 1);
            book.write(out);
            book.dispose();
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }
}
