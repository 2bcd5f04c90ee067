package org.linyunzhi.web.internal;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.RequestDispatcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.testsupport.AsUser;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
@AutoConfigureMockMvc
class ApiProblemAdviceTest {

    static final CurrentUser USER = AsUser.user("api.client", DataScope.all(), "audit:log:view");
    static final String PROBLEM = "application/problem+json";

    @Autowired
    MockMvc mvc;

    @Test
    void malformedJsonIs400NamingWhereItBroke() throws Exception {
        mvc.perform(post("/api/test/problems/orders").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"rice\",\n \"count\": 2,,}").with(csrf()).with(AsUser.as(USER)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("Malformed JSON at line 2, column")))
                .andExpect(jsonPath("$.line").value(2))
                .andExpect(jsonPath("$.column").isNumber());
    }

    @Test
    void aFieldOfTheWrongFormIs400NamingTheField() throws Exception {
        mvc.perform(post("/api/test/problems/orders").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"rice\",\"count\":\"many\"}").with(csrf()).with(AsUser.as(USER)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.field").value("count"))
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("JSON field 'count'")));
    }

    @Test
    void aMissingBodyIs400() throws Exception {
        mvc.perform(post("/api/test/problems/orders").contentType(MediaType.APPLICATION_JSON).with(csrf()).with(AsUser.as(USER)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The request body is missing"));
    }

    @Test
    void beanValidationIs400WithAnErrorPerField() throws Exception {
        mvc.perform(post("/api/test/problems/orders").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\" \",\"count\":0}").with(csrf()).with(AsUser.as(USER)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.containsInAnyOrder("name", "count")))
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
    }

    @Test
    void aParameterOfTheWrongTypeIs400NamingIt() throws Exception {
        mvc.perform(get("/api/test/problems/typed").param("id", "not-a-uuid").with(AsUser.as(USER)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.parameter").value("id"))
                .andExpect(jsonPath("$.detail").value("Parameter 'id' must be of type UUID, not 'not-a-uuid'"));
    }

    @Test
    void anUploadTooLargeIs413() throws Exception {
        mvc.perform(post("/api/test/problems/upload").with(csrf()).with(AsUser.as(USER)))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail").value("The upload is larger than the limit of 1024 bytes"));
    }

    @Test
    void statusExceptionsKeepTheirStatusAndReason() throws Exception {
        mvc.perform(get("/api/test/problems/gone").with(AsUser.as(USER)))
                .andExpect(status().isGone())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail").value("this record was archived"));
    }

    @Test
    void pagesAreLeftToTheHtmlErrorPages() throws Exception {
        mvc.perform(get("/audit/operations/not-a-number").with(AsUser.as(USER)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.not(Matchers.containsString("\"detail\""))));
    }

    @Test
    void errorPagesRenderInTheShellInBothLanguages() throws Exception {
        mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/grid/nodes/999")
                        .accept(MediaType.TEXT_HTML).with(AsUser.as(USER)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.containsString("页面不存在")))
                .andExpect(content().string(Matchers.containsString("class=\"topbar\"")));
        mvc.perform(get("/error").param("lang", "en").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 403)
                        .accept(MediaType.TEXT_HTML).with(AsUser.as(USER)))
                .andExpect(status().isForbidden())
                .andExpect(content().string(Matchers.containsString("Not allowed")));
        mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
                        .accept(MediaType.TEXT_HTML).with(AsUser.as(USER)))
                .andExpect(status().isInternalServerError())
                .andExpect(content().string(Matchers.containsString("系统出错了")));
        mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 413)
                        .accept(MediaType.TEXT_HTML).with(AsUser.as(USER)))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().string(Matchers.containsString("请求有误")));
    }
}
