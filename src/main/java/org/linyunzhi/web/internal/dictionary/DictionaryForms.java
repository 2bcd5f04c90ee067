package org.linyunzhi.web.internal.dictionary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.linyunzhi.web.DictionaryItem;

/**
 * What the dictionary pages post. Plain beans rather than records: a value that does not convert
 * (letters in the order field) must leave a form to show again as typed, and a record that
 * cannot be constructed leaves none.
 */
final class DictionaryForms {

    private DictionaryForms() {
    }

    static class TypeForm {

        @NotBlank(message = "{system.dict.code.required}")
        @Pattern(regexp = "[a-z][a-z0-9_]{1,63}", message = "{system.dict.code.pattern}")
        private String code;
        @NotBlank(message = "{system.dict.name.required}")
        @Size(max = 100)
        private String nameZh;
        @Size(max = 100)
        private String nameEn;
        @Size(max = 500)
        private String description;
        private boolean enabled;

        static TypeForm blank() {
            TypeForm form = new TypeForm();
            form.enabled = true;
            return form;
        }

        static TypeForm of(DictionaryAdmin.TypeRow t) {
            TypeForm form = new TypeForm();
            form.code = t.code();
            form.nameZh = t.nameZh();
            form.nameEn = t.nameEn();
            form.description = t.description();
            form.enabled = t.enabled();
            return form;
        }

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public String getNameZh() {
            return nameZh;
        }

        public void setNameZh(String nameZh) {
            this.nameZh = nameZh;
        }

        public String getNameEn() {
            return nameEn;
        }

        public void setNameEn(String nameEn) {
            this.nameEn = nameEn;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    static class ItemForm {

        @NotBlank(message = "{system.dict.value.required}")
        @Pattern(regexp = "[A-Za-z0-9_.-]{1,64}", message = "{system.dict.value.pattern}")
        private String value;
        @NotBlank(message = "{system.dict.label.required}")
        @Size(max = 100)
        private String labelZh;
        @Size(max = 100)
        private String labelEn;
        @NotNull(message = "{system.dict.sort.required}")
        @Min(0)
        @Max(9999)
        private Integer sortOrder;
        private TagColour tagColour;
        private boolean enabled;
        private boolean defaultItem;

        static ItemForm blank(int nextSort) {
            ItemForm form = new ItemForm();
            form.sortOrder = nextSort;
            form.enabled = true;
            return form;
        }

        static ItemForm of(DictionaryItem i) {
            ItemForm form = new ItemForm();
            form.value = i.value();
            form.labelZh = i.labelZh();
            form.labelEn = i.labelEn();
            form.sortOrder = i.sortOrder();
            form.tagColour = TagColour.ofCssClass(i.tagColour());
            form.enabled = i.enabled();
            form.defaultItem = i.isDefault();
            return form;
        }

        public String getValue() {
            return value;
        }

        public void setValue(String value) {
            this.value = value;
        }

        public String getLabelZh() {
            return labelZh;
        }

        public void setLabelZh(String labelZh) {
            this.labelZh = labelZh;
        }

        public String getLabelEn() {
            return labelEn;
        }

        public void setLabelEn(String labelEn) {
            this.labelEn = labelEn;
        }

        public Integer getSortOrder() {
            return sortOrder;
        }

        public void setSortOrder(Integer sortOrder) {
            this.sortOrder = sortOrder;
        }

        public TagColour getTagColour() {
            return tagColour;
        }

        public void setTagColour(TagColour tagColour) {
            this.tagColour = tagColour;
        }

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public boolean isDefaultItem() {
            return defaultItem;
        }

        public void setDefaultItem(boolean defaultItem) {
            this.defaultItem = defaultItem;
        }
    }
}
