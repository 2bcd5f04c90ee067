package org.linyunzhi.web.internal.parameter;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Parameters for integrations; a value of the wrong type answers 400 naming the parameter. */
@RestController
@RequestMapping("/api/system/params")
class ParameterApi {

    private final ParameterAdmin admin;

    ParameterApi(ParameterAdmin admin) {
        this.admin = admin;
    }

    record Change(@NotNull String value) {
    }

    @GetMapping
    @PreAuthorize("hasAuthority('system:param:view')")
    List<ParameterAdmin.Parameter> all() {
        return admin.all();
    }

    @PutMapping("/{key}")
    @PreAuthorize("hasAuthority('system:param:edit')")
    ParameterAdmin.Parameter change(@PathVariable String key, @Valid @RequestBody Change change) {
        return admin.change(key, change.value())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no parameter " + key));
    }
}
