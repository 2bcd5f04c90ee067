package org.linyunzhi.registry.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The downloadable .xlsx template of each kind: the header row on the first sheet (number columns
 * formatted as text, so Excel keeps all 18 digits of an ID number), and a second sheet listing
 * the values the code columns accept.
 */
@Component
class ImportTemplates {

    private static final Set<String> TEXT_COLUMNS = Set.of("idNumber", "phone", "creditCode", "household");

    private final RegistryImports imports;
    private final MessageSource messages;

    ImportTemplates(RegistryImports imports, MessageSource messages) {
        this.imports = imports;
        this.messages = messages;
    }

    byte[] template(ImportKind kind, Locale locale) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(messages.getMessage("registry.kind." + kind.name(), null, locale));
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle text = book.createCellStyle();
            text.setDataFormat(book.createDataFormat().getFormat("@"));
            Row header = sheet.createRow(0);
            List<String> headers = imports.headers(kind, locale);
            for (int c = 0; c < headers.size(); c++) {
                header.createCell(c).setCellValue(headers.get(c));
                header.getCell(c).setCellStyle(bold);
                sheet.setColumnWidth(c, 22 * 256);
                if (TEXT_COLUMNS.contains(kind.columns().get(c).name())) {
                    sheet.setDefaultColumnStyle(c, text);
                }
            }
            sheet.createFreezePane(0, 1);
            Sheet help = book.createSheet(messages.getMessage("registry.template.values", null, locale));
            int r = 0;
            help.createRow(r++).createCell(0).setCellValue(messages.getMessage("registry.template.note", null, locale));
            r = values(help, r, kind == ImportKind.HOUSE ? HouseUse.values() : new HouseUse[0], "registry.use.", locale);
            r = values(help, r, kind == ImportKind.ORGANISATION ? OrgType.values() : new OrgType[0], "registry.orgType.", locale);
            values(help, r, kind == ImportKind.RESIDENT ? ResidentTag.values() : new ResidentTag[0], "registry.tag.", locale);
            help.setColumnWidth(0, 30 * 256);
            help.setColumnWidth(1, 30 * 256);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int values(Sheet help, int r, Enum<?>[] values, String prefix, Locale locale) {
        for (Enum<?> v : values) {
            Row row = help.createRow(r++);
            row.createCell(0).setCellValue(v.name());
            row.createCell(1).setCellValue(messages.getMessage(prefix + v.name(), null, locale));
        }
        return r;
    }
}
