package org.linyunzhi.audit.internal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The chain verification for monitoring and external auditors. */
@RestController
@RequestMapping("/api/audit")
class AuditApi {

    private final ChainVerifier verifier;

    AuditApi(ChainVerifier verifier) {
        this.verifier = verifier;
    }

    /** Walks the whole chain; the answer names the first broken row, if any. */
    @GetMapping("/verify")
    @PreAuthorize("hasAuthority('audit:log:verify')")
    ChainReport verify() {
        return verifier.verify();
    }
}
