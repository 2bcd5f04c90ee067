package org.linyunzhi.web.internal.dictionary;

import java.util.List;
import java.util.Locale;
import org.linyunzhi.web.Dictionaries;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Dictionary items for apps and page scripts: every signed-in user may read the code lists. */
@RestController
@RequestMapping("/api/system/dicts")
class DictionaryApi {

    private final Dictionaries dictionaries;
    private final DictionaryAdmin admin;

    DictionaryApi(Dictionaries dictionaries, DictionaryAdmin admin) {
        this.dictionaries = dictionaries;
        this.admin = admin;
    }

    record Item(String value, String label, String labelZh, String labelEn, String tagColour, boolean isDefault) {
    }

    /** The selectable items of a dictionary, labelled in the request's language. */
    @GetMapping("/{type}")
    @PreAuthorize("isAuthenticated()")
    List<Item> items(@PathVariable String type, Locale locale) {
        if (admin.type(type).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no dictionary " + type);
        }
        return dictionaries.items(type).stream()
                .map(i -> new Item(i.value(), i.label(locale), i.labelZh(), i.labelEn(), i.tagColour(), i.isDefault()))
                .toList();
    }
}
