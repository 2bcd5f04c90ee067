package org.linyunzhi.audit.internal;

import java.util.Map;
import org.linyunzhi.audit.Audited;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/** Test-only writes for the operation-log tests: one with @Audited, one without, one upload. */
@RestController
@RequestMapping("/api/test/audit-probe")
class AuditProbeController {

    @PostMapping("/{code}")
    @Audited("test.probe.save")
    Map<String, Object> save(@PathVariable String code, @RequestBody Map<String, Object> body) {
        if ("missing".equals(code)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no record " + code);
        }
        return Map.of("saved", code);
    }

    @PostMapping("/{code}/form")
    Map<String, Object> form(@PathVariable String code, @RequestParam Map<String, String> form) {
        return Map.of("saved", code);
    }

    /** Answers 200 only while method security is off: tests of permissions skip themselves then. */
    @GetMapping("/guarded")
    @PreAuthorize("denyAll()")
    Map<String, Object> guarded() {
        return Map.of("methodSecurity", "off");
    }

    @PostMapping("/{code}/guarded")
    @PreAuthorize("denyAll()")
    Map<String, Object> guardedWrite(@PathVariable String code) {
        return Map.of("saved", code);
    }

    @PostMapping("/{code}/upload")
    Map<String, Object> upload(@PathVariable String code, @RequestParam("photo") MultipartFile photo) {
        return Map.of("size", photo.getSize());
    }
}
