package org.linyunzhi.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linyunzhi.registry.PlaceFilter;
import org.linyunzhi.registry.PlaceKind;
import org.linyunzhi.registry.RegistryApi;
import org.linyunzhi.registry.RegistryPlace;
import org.linyunzhi.testsupport.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A department officer on a phone (390 px) runs the import wizard in Chromium: downloads the house
 * template, fills it (POI), uploads it, watches the check finish, reads the preview and commits;
 * a file that is not an xlsx is refused beside the form. Nothing overflows the screen.
 */
class ImportWizardBrowserTest extends BrowserTest {

    @Autowired
    RegistryApi registry;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anOfficerImportsHousesOnAPhone() throws Exception {
        Page page = phone();
        List<String> problems = watchProblems(page);
        logIn(page, "officer", "Linpu@2026");
        page.navigate(url("/registry/imports"));
        assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(PHONE_WIDTH);

        // a file that is not a workbook is refused with the reason beside the form
        Path notes = Files.createTempFile("notes", ".xlsx");
        Files.writeString(notes, "not a workbook");
        page.selectOption("#kind", "HOUSE");
        page.selectOption("#department", "HOUSING");
        page.setInputFiles("#file", notes);
        page.click("#upload-submit");
        assertThat(page.textContent("#upload-error")).contains("不是有效的 Excel");

        Download download = page.waitForDownload(() -> page.click("#template-HOUSE"));
        byte[] template = Files.readAllBytes(download.path());
        String village = "临浦镇手机村" + UUID.randomUUID().toString().substring(0, 6);
        List<RegistryPlace> at = registry.places(PlaceFilter.of(PlaceKind.HOUSE), 2);
        Path filled = Files.createTempFile("houses", ".xlsx");
        Files.write(filled, Sheets.fill(template, List.of(
                List.of(village + "1号", at.get(0).lon(), at.get(0).lat(), "住宅", "否"),
                List.of(village + "2号", at.get(1).lon(), at.get(1).lat(), "仓库", "是"))));

        page.selectOption("#kind", "HOUSE");
        page.selectOption("#department", "HOUSING");
        page.setInputFiles("#file", filled);
        page.click("#upload-submit");
        page.waitForSelector("#job[data-status=READY]");
        assertThat(page.textContent("#count-added").strip()).isEqualTo("2");
        assertThat(page.textContent("#count-errors").strip()).isEqualTo("0");
        assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(PHONE_WIDTH);
        screenshot(page, "registry-import-preview-390");
        assertThat(jdbc.sql("SELECT count(*) FROM registry_house WHERE address LIKE :v").param("v", village + "%")
                .query(Integer.class).single()).isZero();

        page.click("#commit");
        page.waitForSelector("#committed");
        assertThat(page.textContent("#job-status")).contains("已导入");
        assertThat(jdbc.sql("SELECT count(*) FROM registry_house WHERE address LIKE :v").param("v", village + "%")
                .query(Integer.class).single()).isEqualTo(2);

        // the house is in the list, within the screen's width
        page.navigate(url("/registry/houses?q=" + java.net.URLEncoder.encode(village, java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(page.textContent("#houses")).contains(village + "2号").contains("仓库");
        assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(PHONE_WIDTH);
        assertThat(problems).isEmpty();
    }
}
