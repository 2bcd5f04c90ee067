package org.linyunzhi.web.internal.dictionary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/** The shared fragments as another module's template would use them, against the real dictionaries. */
@IntegrationTest
class DictionaryFragmentsTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    MessageSource messages;

    @Test
    void aRequiredSelectStartsAtTheDefaultItem() {
        String html = render("<select th:replace=\"~{fragments/dict :: select('grid_staff_role', 'role', ${value}, true)}\"></select>",
                Locale.SIMPLIFIED_CHINESE, null);
        assertThat(html).contains("name=\"role\"", "required", "<option value=\"GRID_HEAD\">网格长</option>",
                "<option value=\"FULL_TIME_WORKER\" selected=\"selected\">专职网格员</option>");
        assertThat(html).doesNotContain("（请选择）");
    }

    @Test
    void anOptionalSelectOffersNothingAndKeepsTheChosenValue() {
        String html = render("<select th:replace=\"~{fragments/dict :: select('village_kind', 'kind', ${value}, false)}\"></select>",
                Locale.ENGLISH, "VILLAGE");
        assertThat(html).contains("<option value=\"\">(choose)</option>", "<option value=\"VILLAGE\" selected=\"selected\">Village</option>")
                .doesNotContain("required");
    }

    @Test
    void aTagShowsTheLabelInItsColour() {
        assertThat(render("<span th:replace=\"~{fragments/dict :: tag('grid_staff_role', ${value})}\"></span>",
                Locale.SIMPLIFIED_CHINESE, "GRID_HEAD")).isEqualTo("<span class=\"tag tag-red\">网格长</span>");
        assertThat(render("<span th:replace=\"~{fragments/dict :: tag('grid_staff_role', ${value})}\"></span>",
                Locale.SIMPLIFIED_CHINESE, "RETIRED")).isEqualTo("<span class=\"tag\">RETIRED</span>");
        assertThat(render("<span th:replace=\"~{fragments/dict :: tag('grid_staff_role', ${value})}\"></span>",
                Locale.SIMPLIFIED_CHINESE, null)).isEmpty();
    }

    private String render(String template, Locale locale, String value) {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        StringTemplateResolver inline = new StringTemplateResolver();
        inline.setResolvablePatterns(java.util.Set.of("<*"));
        inline.setOrder(1);
        ClassLoaderTemplateResolver files = new ClassLoaderTemplateResolver();
        files.setPrefix("templates/");
        files.setSuffix(".html");
        files.setTemplateMode(TemplateMode.HTML);
        files.setCharacterEncoding("UTF-8");
        files.setOrder(2);
        engine.addTemplateResolver(inline);
        engine.addTemplateResolver(files);
        engine.setTemplateEngineMessageSource(messages);
        Context ctx = new Context(locale);
        ctx.setVariables(Map.of(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(context, null)));
        ctx.setVariable("value", value);
        return engine.process(template, ctx).strip();
    }
}
