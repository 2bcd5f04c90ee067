package org.linyunzhi.task.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.linyunzhi.testsupport.AsUser.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.grid.RegionNode;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.UserDirectory;
import org.linyunzhi.task.TaskPriority;
import org.linyunzhi.task.TaskType;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The task pages as people see them: the list with the seed's columns and an htmx fragment without the
 * page chrome, the Excel export of the current filter, the forms with errors inline, my tasks, the
 * campaign and board pages, in both languages.
 */
@IntegrationTest
@AutoConfigureMockMvc
class TaskPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    GridApi grid;

    @Autowired
    TaskLifecycle lifecycle;

    @Autowired
    UserDirectory users;

    @Test
    void theListShowsTheSeedsColumnsAndSwapsItsTableForHtmx() throws Exception {
        CurrentUser leader = org.linyunzhi.testsupport.AsUser.user("leader-" + UUID.randomUUID(),
                org.linyunzhi.identity.DataScope.all(), "task:view", "task:export", "task:supervise");
        String page = mvc.perform(get("/task/tasks").param("q", DemoTaskTexts.SEED_TASK_NAME).with(as(leader)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("序号", "任务名称", "任务描述", "任务状态", "负责人", "更新时间")
                .contains(DemoTaskTexts.SEED_CAMPAIGN).contains("<html");
        mvc.perform(get("/task/tasks").param("state", "APPROVED").param("sort", "updated,desc")
                        .header("HX-Request", "true").header("HX-Target", "task-table").with(as(leader)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"task-table\"")))
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(containsString("已办结")));
        mvc.perform(get("/task/tasks").param("lang", "en").with(as(leader)))
                .andExpect(content().string(containsString("Task name")));
    }

    @Test
    void theExportHoldsExactlyTheFilteredRows() throws Exception {
        RegionNode village = TaskFixtures.village(grid, 8);
        CurrentUser officer = TaskFixtures.officer("officer", UUID.randomUUID());
        for (String name : List.of("Export one", "Export two", "Other")) {
            lifecycle.create(officer, new NewTask(name, "described", TaskType.PUBLICITY, TaskSource.DEPARTMENT, null,
                    TaskPriority.LOW, TaskFixtures.inDays(2), village.code(), null, null, null, true));
        }
        byte[] xlsx = mvc.perform(get("/task/tasks/export").param("q", "Export").param("sort", "name,asc").with(as(officer)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            Row header = sheet.getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("序号");
            assertThat(header.getCell(2).getStringCellValue()).isEqualTo("任务名称");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                names.add(sheet.getRow(i).getCell(2).getStringCellValue());
                assertThat(sheet.getRow(i).getCell(4).getStringCellValue()).isEqualTo("已派发");
                assertThat(sheet.getRow(i).getCell(3).getStringCellValue()).isEqualTo("described");
            }
            assertThat(names).containsExactly("Export one", "Export two");
        }
        mvc.perform(get("/task/tasks/export").param("sort", "nope").with(as(officer))).andExpect(status().isBadRequest());
        byte[] viaApi = mvc.perform(get("/api/task/tasks/export").param("q", "Export").with(as(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(viaApi))) {
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(2);
        }
        mvc.perform(get("/api/task/tasks/export").param("sort", "nope").with(as(officer)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("sort"));
        CurrentUser worker = TaskFixtures.worker("w", village.code());
        mvc.perform(get("/task/tasks/export").with(as(worker))).andExpect(status().isForbidden());
    }

    @Test
    void theIssueFormKeepsWhatWasTypedAndSaysWhatIsWrong() throws Exception {
        RegionNode village = TaskFixtures.village(grid, 8);
        CurrentUser officer = TaskFixtures.officer("officer", UUID.randomUUID());
        mvc.perform(get("/task/tasks/new").with(as(officer))).andExpect(status().isOk())
                .andExpect(content().string(containsString(village.name())));
        mvc.perform(post("/task/tasks").with(as(officer)).with(csrf()).param("name", "Typed name")
                        .param("type", "PATROL").param("regionCode", village.code()).param("deadline", "2020-01-01T10:00"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("截止时间必须晚于现在")))
                .andExpect(content().string(containsString("Typed name")));
        String location = mvc.perform(post("/task/tasks").with(as(officer)).with(csrf()).param("name", "From the form")
                        .param("type", "PATROL").param("regionCode", village.code()).param("deadline", "2099-01-01T10:00")
                        .param("dispatch", "true"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location).with(as(officer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("From the form")))
                .andExpect(content().string(containsString("已派发")));
    }

    @Test
    void myTasksShowTheLinkedWorkersTasksAndARaceIsExplainedOnThePage() throws Exception {
        var person = users.byUsername("micromember").orElseThrow();
        CurrentUser member = new CurrentUser(person.id(), person.username(), person.displayName(),
                java.util.Set.of("MICRO_GRID_MEMBER"), java.util.Set.of("task:view", "task:do"),
                org.linyunzhi.identity.DataScope.region(person.regionCode()));
        mvc.perform(get("/task/my").with(as(member))).andExpect(status().isOk())
                .andExpect(content().string(containsString("我的任务")))
                .andExpect(content().string(containsString("已退回")));
        mvc.perform(get("/task/my").param("state", "RETURNED").with(as(member))).andExpect(status().isOk())
                .andExpect(content().string(containsString("state-RETURNED")));

        RegionNode village = TaskFixtures.village(grid, 8);
        CurrentUser officer = TaskFixtures.officer("officer", UUID.randomUUID());
        Task task = lifecycle.create(officer, new NewTask("Page race", null, TaskType.PATROL, TaskSource.DEPARTMENT, null,
                TaskPriority.NORMAL, TaskFixtures.inDays(1), village.code(), null, null, null, true));
        CurrentUser first = TaskFixtures.worker("First", village.code());
        CurrentUser second = TaskFixtures.worker("Second", village.code());
        mvc.perform(post("/task/tasks/{id}/accept", task.id()).param("version", "0").with(as(first)).with(csrf()))
                .andExpect(redirectedUrl("/task/tasks/" + task.id())).andExpect(flash().attributeExists("done"));
        mvc.perform(post("/task/tasks/{id}/accept", task.id()).param("version", "0").with(as(second)).with(csrf()))
                .andExpect(flash().attribute("refused", containsString(first.displayName())));
    }

    @Test
    void campaignAndBoardPagesRender() throws Exception {
        CurrentUser officer = TaskFixtures.officer("officer", UUID.randomUUID());
        mvc.perform(get("/task/campaigns/new").with(as(officer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"nodes\"")));
        mvc.perform(get("/task/campaigns/nodes").param("scopeCode", TaskFixtures.village(grid, 0).code())
                        .param("level", "GRID").header("HX-Request", "true").with(as(officer)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(containsString("type=\"checkbox\"")));
        CurrentUser leader = org.linyunzhi.testsupport.AsUser.user("leader-" + UUID.randomUUID(),
                org.linyunzhi.identity.DataScope.all(), "task:view", "task:supervise");
        String campaigns = mvc.perform(get("/task/campaigns").with(as(leader))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(campaigns).contains(DemoTaskTexts.SEED_CAMPAIGN).contains("戴红芳");
        mvc.perform(get("/task/supervision").with(as(leader))).andExpect(status().isOk())
                .andExpect(content().string(containsString("supervision-chart")))
                .andExpect(content().string(containsString("按期办结率")));
    }
}
