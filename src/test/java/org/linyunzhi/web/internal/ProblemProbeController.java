package org.linyunzhi.web.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.server.ResponseStatusException;

/** Test-only API endpoints that fail in each way ApiProblemAdvice answers. */
@RestController
@RequestMapping("/api/test/problems")
class ProblemProbeController {

    record Order(@NotBlank String name, @Min(1) int count) {
    }

    @PostMapping("/orders")
    Map<String, Object> order(@Valid @RequestBody Order order) {
        return Map.of("name", order.name());
    }

    @GetMapping("/typed")
    Map<String, Object> typed(@RequestParam UUID id) {
        return Map.of("id", id);
    }

    @PostMapping("/upload")
    Map<String, Object> upload() {
        throw new MaxUploadSizeExceededException(1024);
    }

    @GetMapping("/gone")
    Map<String, Object> gone() {
        throw new ResponseStatusException(HttpStatus.GONE, "this record was archived");
    }
}
