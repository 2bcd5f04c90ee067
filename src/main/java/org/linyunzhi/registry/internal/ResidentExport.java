package org.linyunzhi.registry.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.registry.internal.RegistryViews.ResidentView;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The resident list as .xlsx, streamed page by page. Numbers are written masked for everybody:
 * revealing is one person at a time, audited, and never in bulk.
 */
@Component
class ResidentExport {

    static final int MAX_ROWS = 50_000;

    private final RegistryReads reads;
    private final MessageSource messages;

    ResidentExport(RegistryReads reads, MessageSource messages) {
        this.reads = reads;
        this.messages = messages;
    }

    byte[] residents(String name, String number, String tag, String region, DataScope scope, Locale locale) {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(messages.getMessage("registry.kind.RESIDENT", null, locale));
            Row header = sheet.createRow(0);
            List<String> columns = List.of("name", "idNumber", "phone", "gender", "address", "household", "tags", "region");
            for (int c = 0; c < columns.size(); c++) {
                header.createCell(c).setCellValue(messages.getMessage("registry.column." + columns.get(c), null, locale));
            }
            int r = 1;
            for (int page = 0; r <= MAX_ROWS; page++) {
                List<ResidentView> rows = reads.residents(name, number, tag, region, page, RegistryReads.MAX_SIZE, scope).rows();
                for (ResidentView v : rows) {
                    Row row = sheet.createRow(r++);
                    row.createCell(0).setCellValue(v.name());
                    row.createCell(1).setCellValue(v.idNumber());
                    row.createCell(2).setCellValue(v.phone() == null ? "" : v.phone());
                    row.createCell(3).setCellValue(v.gender() == null ? ""
                            : messages.getMessage("registry.gender." + v.gender(), null, locale));
                    row.createCell(4).setCellValue(v.address());
                    row.createCell(5).setCellValue(v.household() == null ? "" : v.household());
                    row.createCell(6).setCellValue(String.join("、", v.tags().stream()
                            .map(t -> messages.getMessage("registry.tag." + t, null, locale)).toList()));
                    row.createCell(7).setCellValue(v.regionCode());
                }
                if (rows.size() < RegistryReads.MAX_SIZE) {
                    break;
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
