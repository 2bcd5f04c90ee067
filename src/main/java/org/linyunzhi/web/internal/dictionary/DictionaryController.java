package org.linyunzhi.web.internal.dictionary;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import org.linyunzhi.web.DictionaryItem;
import org.linyunzhi.web.internal.dictionary.DictionaryForms.ItemForm;
import org.linyunzhi.web.internal.dictionary.DictionaryForms.TypeForm;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * /system/dicts: the list of dictionaries, and one dictionary with its items. Saves follow
 * post-redirect-get; a form with mistakes comes back as typed, with the message beside the field.
 */
@Controller
@RequestMapping("/system/dicts")
class DictionaryController {

    static final String TYPES = "web/dictionary/types";
    static final String ITEMS = "web/dictionary/items";

    private final DictionaryAdmin admin;

    DictionaryController(DictionaryAdmin admin) {
        this.admin = admin;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('system:dict:view')")
    String types(@RequestParam(required = false) String q, HtmxRequest htmx, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("types", admin.types(q));
        if (!model.containsAttribute("typeForm")) {
            model.addAttribute("typeForm", TypeForm.blank());
        }
        return htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest() ? TYPES + " :: table" : TYPES;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('system:dict:edit')")
    String createType(@Valid @ModelAttribute("typeForm") TypeForm form, BindingResult binding, Model model,
                      RedirectAttributes flash, HttpServletResponse response) {
        if (!binding.hasFieldErrors("code") && admin.type(form.getCode()).isPresent()) {
            binding.rejectValue("code", "system.dict.code.taken");
        }
        if (binding.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("types", admin.types(null));
            return TYPES;
        }
        admin.createType(form);
        flash.addFlashAttribute("saved", true);
        return "redirect:/system/dicts/" + form.getCode();
    }

    @GetMapping("/{code}")
    @PreAuthorize("hasAuthority('system:dict:view')")
    String items(@PathVariable String code, @RequestParam(required = false) String item, Model model) {
        DictionaryAdmin.TypeRow type = typeOrNotFound(code);
        List<DictionaryItem> items = admin.items(code);
        if (!model.containsAttribute("typeForm")) {
            model.addAttribute("typeForm", TypeForm.of(type));
        }
        if (!model.containsAttribute("itemForm")) {
            DictionaryItem editing = item == null ? null
                    : items.stream().filter(i -> i.value().equals(item)).findFirst()
                    .orElseThrow(() -> notFound("dictionary " + code + " has no item " + item));
            model.addAttribute("itemForm", editing != null ? ItemForm.of(editing) : ItemForm.blank(nextSort(items)));
            model.addAttribute("editing", editing != null);
        }
        model.addAttribute("type", type);
        model.addAttribute("items", items);
        model.addAttribute("colours", TagColour.values());
        return ITEMS;
    }

    @PostMapping("/{code}")
    @PreAuthorize("hasAuthority('system:dict:edit')")
    String updateType(@PathVariable String code, @Valid @ModelAttribute("typeForm") TypeForm form, BindingResult binding,
                      Model model, RedirectAttributes flash, HttpServletResponse response) {
        if (binding.hasErrors()) {
            return itemsWithErrors(code, model, response);
        }
        if (!admin.updateType(code, form)) {
            throw notFound("no dictionary " + code);
        }
        flash.addFlashAttribute("saved", true);
        return "redirect:/system/dicts/" + code;
    }

    @PostMapping("/{code}/items")
    @PreAuthorize("hasAuthority('system:dict:edit')")
    String createItem(@PathVariable String code, @Valid @ModelAttribute("itemForm") ItemForm form, BindingResult binding,
                      Model model, RedirectAttributes flash, HttpServletResponse response) {
        typeOrNotFound(code);
        if (!binding.hasFieldErrors("value") && admin.hasItem(code, form.getValue())) {
            binding.rejectValue("value", "system.dict.value.taken");
        }
        if (binding.hasErrors()) {
            model.addAttribute("editing", false);
            return itemsWithErrors(code, model, response);
        }
        admin.saveItem(code, form);
        flash.addFlashAttribute("saved", true);
        return "redirect:/system/dicts/" + code;
    }

    @PostMapping("/{code}/items/{value}")
    @PreAuthorize("hasAuthority('system:dict:edit')")
    String updateItem(@PathVariable String code, @PathVariable String value,
                      @Valid @ModelAttribute("itemForm") ItemForm form, BindingResult binding,
                      Model model, RedirectAttributes flash, HttpServletResponse response) {
        typeOrNotFound(code);
        if (!admin.hasItem(code, value)) {
            throw notFound("dictionary " + code + " has no item " + value);
        }
        if (!value.equals(form.getValue())) {
            // the value is the item's identity: records point at it, so it is never renamed
            binding.rejectValue("value", "system.dict.value.fixed");
        }
        if (binding.hasErrors()) {
            model.addAttribute("editing", true);
            return itemsWithErrors(code, model, response);
        }
        admin.saveItem(code, form);
        flash.addFlashAttribute("saved", true);
        return "redirect:/system/dicts/" + code;
    }

    private String itemsWithErrors(String code, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return items(code, null, model);
    }

    private DictionaryAdmin.TypeRow typeOrNotFound(String code) {
        return admin.type(code).orElseThrow(() -> notFound("no dictionary " + code));
    }

    private static int nextSort(List<DictionaryItem> items) {
        return items.stream().mapToInt(DictionaryItem::sortOrder).max().orElse(0) + 1;
    }

    private static ResponseStatusException notFound(String what) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, what);
    }
}
