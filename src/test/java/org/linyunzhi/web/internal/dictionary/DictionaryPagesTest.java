package org.linyunzhi.web.internal.dictionary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Locale;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.testsupport.AsUser;
import org.linyunzhi.testsupport.IntegrationTest;
import org.linyunzhi.web.Dictionaries;
import org.linyunzhi.web.DictionaryItem;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
@AutoConfigureMockMvc
class DictionaryPagesTest {

    static final CurrentUser ADMIN = AsUser.user("dict.admin", DataScope.all(), "system:dict:view", "system:dict:edit");
    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @Autowired
    MockMvc mvc;
    @Autowired
    Dictionaries dictionaries;
    @Autowired
    JdbcClient jdbc;

    @Test
    void seededDictionariesAreThereForOtherModules() {
        assertThat(dictionaries.items("grid_staff_role")).extracting(DictionaryItem::value).containsExactly(
                "GRID_HEAD", "FULL_TIME_WORKER", "PART_TIME_WORKER", "GRID_GUIDE", "VOLUNTEER", "PARTY_MEMBER",
                "MICRO_GRID_HEAD", "MICRO_GRID_MEMBER");
        assertThat(dictionaries.label("region_level", "DEDICATED_MICRO_GRID", ZH)).isEqualTo("专属微网格");
        assertThat(dictionaries.label("region_level", "DEDICATED_MICRO_GRID", Locale.ENGLISH)).isEqualTo("Dedicated micro-grid");
        assertThat(dictionaries.items("dedicated_micro_grid_type")).hasSize(6);
        assertThat(dictionaries.label("village_kind", "COMMUNITY", ZH)).isEqualTo("社区");
        assertThat(dictionaries.label("gender", "2", ZH)).isEqualTo("女");
        assertThat(dictionaries.label("gender", "7", ZH)).as("unknown values show as themselves").isEqualTo("7");
    }

    @Test
    void anEditIsSeenRightAfterItCommitsHereAndWithinTheCheckIntervalOnAnotherNode() throws Exception {
        String type = "colour_" + System.nanoTime();
        mvc.perform(post("/system/dicts").param("code", type).param("nameZh", "颜色").param("nameEn", "Colour")
                        .param("enabled", "true").with(csrf()).with(AsUser.as(ADMIN)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/system/dicts/" + type));
        mvc.perform(post("/system/dicts/{code}/items", type).param("value", "RED").param("labelZh", "红")
                        .param("labelEn", "Red").param("sortOrder", "1").param("tagColour", "RED").param("enabled", "true")
                        .with(csrf()).with(AsUser.as(ADMIN)))
                .andExpect(status().is3xxRedirection());
        assertThat(dictionaries.label(type, "RED", ZH)).isEqualTo("红");

        // a second catalogue on the same database stands for another application node
        DictionaryCatalogue otherNode = new DictionaryCatalogue(jdbc, Duration.ofMillis(200));
        assertThat(otherNode.label(type, "RED", ZH)).isEqualTo("红");

        mvc.perform(post("/system/dicts/{code}/items/RED", type).param("value", "RED").param("labelZh", "大红")
                        .param("labelEn", "Crimson").param("sortOrder", "1").param("tagColour", "RED").param("enabled", "true")
                        .with(csrf()).with(AsUser.as(ADMIN)))
                .andExpect(status().is3xxRedirection());

        assertThat(dictionaries.label(type, "RED", ZH)).as("this node, right after the commit").isEqualTo("大红");
        assertThat(dictionaries.label(type, "RED", Locale.ENGLISH)).isEqualTo("Crimson");
        Thread.sleep(250);
        assertThat(otherNode.label(type, "RED", ZH)).as("the other node, after its check interval").isEqualTo("大红");
    }

    @Test
    void aDisabledItemKeepsItsLabelButCannotBeChosen() throws Exception {
        String type = "size_" + System.nanoTime();
        jdbc.sql("INSERT INTO web_dict_type (code, name_zh) VALUES (:t, '尺码')").param("t", type).update();
        for (String v : new String[] {"S", "M"}) {
            mvc.perform(post("/system/dicts/{code}/items", type).param("value", v).param("labelZh", v + "号")
                            .param("sortOrder", "1").param("enabled", "true").param("defaultItem", "true")
                            .with(csrf()).with(AsUser.as(ADMIN)))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(dictionaries.items(type)).filteredOn(DictionaryItem::isDefault).extracting(DictionaryItem::value)
                .as("a new default takes the mark from the old one").containsExactly("M");

        mvc.perform(post("/system/dicts/{code}/items/S", type).param("value", "S").param("labelZh", "S号")
                        .param("sortOrder", "1").with(csrf()).with(AsUser.as(ADMIN)))
                .andExpect(status().is3xxRedirection());

        assertThat(dictionaries.isSelectable(type, "S")).isFalse();
        assertThat(dictionaries.items(type)).extracting(DictionaryItem::value).containsExactly("M");
        assertThat(dictionaries.label(type, "S", ZH)).isEqualTo("S号");
    }

    @Test
    void badInputComesBackWithTheMessageBesideTheField() throws Exception {
        mvc.perform(post("/system/dicts").param("code", "Bad Code!").param("nameZh", "").with(csrf()).with(AsUser.as(ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("字典编码须以小写字母开头")))
                .andExpect(content().string(Matchers.containsString("请填写中文名称")))
                .andExpect(content().string(Matchers.containsString("value=\"Bad Code!\"")));

        mvc.perform(post("/system/dicts").param("code", "gender").param("nameZh", "性别").with(csrf()).with(AsUser.as(ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("该字典编码已存在")));

        mvc.perform(post("/system/dicts/gender/items").param("value", "1").param("labelZh", "男").param("sortOrder", "x")
                        .with(csrf()).with(AsUser.as(ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("该值在此字典中已存在")))
                .andExpect(content().string(Matchers.containsString("请输入整数")));

        mvc.perform(post("/system/dicts/no_such_dict/items").param("value", "A").param("labelZh", "甲").param("sortOrder", "1")
                        .with(csrf()).with(AsUser.as(ADMIN)))
                .andExpect(status().isNotFound());
        assertThat(dictionaries.label("gender", "1", ZH)).isEqualTo("男");
    }

    @Test
    void pagesRenderAndAnHtmxRequestGetsOnlyTheTable() throws Exception {
        mvc.perform(get("/system/dicts").with(AsUser.as(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("class=\"topbar\"")))
                .andExpect(content().string(Matchers.containsString("grid_staff_role")));

        String fragment = mvc.perform(get("/system/dicts").param("q", "staff").header("HX-Request", "true")
                        .with(AsUser.as(ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fragment).contains("id=\"dict-types\"", "grid_staff_role")
                .doesNotContain("topbar", "<nav", "<html", "region_level");

        mvc.perform(get("/system/dicts/grid_staff_role").with(AsUser.as(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("网格长")))
                .andExpect(content().string(Matchers.containsString("tag tag-red")));
        mvc.perform(get("/system/dicts/grid_staff_role").param("item", "VOLUNTEER").param("lang", "en").with(AsUser.as(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Edit item")))
                .andExpect(content().string(Matchers.containsString("readonly=\"readonly\" name=\"value\" value=\"VOLUNTEER\"")));
    }

    @Test
    void theApiListsSelectableItemsInTheCallersLanguage() throws Exception {
        mvc.perform(get("/api/system/dicts/grid_staff_role").param("lang", "en")
                        .with(AsUser.as(AsUser.user("worker", DataScope.all()))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(8))
                .andExpect(jsonPath("$[0].value").value("GRID_HEAD"))
                .andExpect(jsonPath("$[0].label").value("Grid head"))
                .andExpect(jsonPath("$[0].labelZh").value("网格长"));
        mvc.perform(get("/api/system/dicts/nothing_here").with(AsUser.as(AsUser.user("worker", DataScope.all()))))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }
}
