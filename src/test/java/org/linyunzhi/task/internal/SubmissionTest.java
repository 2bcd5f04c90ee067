package org.linyunzhi.task.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.linyunzhi.testsupport.AsUser.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.linyunzhi.grid.GridApi;
import org.linyunzhi.grid.RegionNode;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.task.TaskPriority;
import org.linyunzhi.task.TaskType;
import org.linyunzhi.task.TestPhotos;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Results with photos: a photo is what its bytes say (a renamed text file is refused), the size limit
 * holds, the camera's GPS position is kept, and a resend with the same idempotency key is answered with
 * the first result without storing anything twice. A refused upload leaves no trace.
 */
@IntegrationTest
@AutoConfigureMockMvc
class SubmissionTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    GridApi grid;

    @Autowired
    TaskLifecycle lifecycle;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    TaskProperties properties;

    @Value("${linyunzhi.data-dir:./data}")
    String dataDir;

    @Test
    void aRenamedTextFileAndAnOversizedPhotoAreRefusedAndNothingIsStored() throws Exception {
        CurrentUser worker = workerWithTaskInProgress();
        UUID task = taskOf(worker);
        MockMultipartFile text = new MockMultipartFile("photos", "scene.jpg", "image/jpeg", "just some words".getBytes());
        mvc.perform(multipart("/api/task/tasks/{id}/submissions", task).file(text).param("result", "done")
                        .param("idempotencyKey", UUID.randomUUID().toString()).with(as(worker)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("photos"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("scene.jpg")));

        byte[] big = new byte[(int) properties.photoMaxSize().toBytes() + 1];
        byte[] jpeg = TestPhotos.jpegWithGps(120.25, 30.05);
        System.arraycopy(jpeg, 0, big, 0, jpeg.length);
        mvc.perform(multipart("/api/task/tasks/{id}/submissions", task)
                        .file(new MockMultipartFile("photos", "huge.jpg", "image/jpeg", big))
                        .param("idempotencyKey", UUID.randomUUID().toString()).with(as(worker)).with(csrf()))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("huge.jpg")));

        assertThat(count("task_submission", task)).isZero();
        assertThat(count("task_attachment", task)).isZero();
        assertThat(jdbc.sql("SELECT state FROM task WHERE id = :id").param("id", task).query(String.class).single())
                .isEqualTo("IN_PROGRESS");
    }

    @Test
    void theCamerasPositionIsKeptAndTheSameKeyTwiceStoresOneSubmission() throws Exception {
        CurrentUser worker = workerWithTaskInProgress();
        UUID task = taskOf(worker);
        UUID key = UUID.randomUUID();
        byte[] photo = TestPhotos.jpegWithGps(120.2512, 30.0523);

        String first = mvc.perform(multipart("/api/task/tasks/{id}/submissions", task)
                        .file(new MockMultipartFile("photos", "river.jpg", "image/jpeg", photo))
                        .file(new MockMultipartFile("photos", "after.png", "image/png", TestPhotos.png()))
                        .param("result", "Cleaned").header("Idempotency-Key", key.toString()).with(as(worker)).with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.repeated").value(false))
                .andReturn().getResponse().getContentAsString();
        JsonNode outcome = json.readTree(first);
        JsonNode river = outcome.get("photos").get(0).get("fileName").asText().equals("river.jpg")
                ? outcome.get("photos").get(0) : outcome.get("photos").get(1);
        assertThat(river.get("exifLon").asDouble()).isCloseTo(120.2512, within(1e-6));
        assertThat(river.get("exifLat").asDouble()).isCloseTo(30.0523, within(1e-6));

        // the phone did not hear the answer and sends again: same key, same answer, nothing new stored
        mvc.perform(multipart("/api/task/tasks/{id}/submissions", task)
                        .file(new MockMultipartFile("photos", "river.jpg", "image/jpeg", photo))
                        .file(new MockMultipartFile("photos", "after.png", "image/png", TestPhotos.png()))
                        .param("result", "Cleaned").header("Idempotency-Key", key.toString()).with(as(worker)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.repeated").value(true))
                .andExpect(jsonPath("$.submissionId").value(outcome.get("submissionId").asText()))
                .andExpect(jsonPath("$.photos.length()").value(2));
        assertThat(count("task_submission", task)).isEqualTo(1);
        assertThat(count("task_attachment", task)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM task_timeline WHERE task_id = :id AND action = 'SUBMIT'")
                .param("id", task).query(Long.class).single()).isEqualTo(1);

        // the stored file is the photo, byte for byte, and is served back with its type
        String path = jdbc.sql("SELECT storage_path FROM task_attachment WHERE task_id = :id AND file_name = 'river.jpg'")
                .param("id", task).query(String.class).single();
        assertThat(Arrays.equals(Files.readAllBytes(Path.of(dataDir).toAbsolutePath().resolve("attachments").resolve(path)), photo)).isTrue();
        UUID attachment = UUID.fromString(river.get("id").asText());
        mvc.perform(get("/api/task/tasks/{id}/attachments/{a}", task, attachment).with(as(worker)))
                .andExpect(status().isOk()).andExpect(content().contentType("image/jpeg"))
                .andExpect(content().bytes(photo));

        // a key used by this submission cannot be spent on another task
        CurrentUser other = workerWithTaskInProgress();
        mvc.perform(multipart("/api/task/tasks/{id}/submissions", taskOf(other)).param("idempotencyKey", key.toString())
                        .with(as(other)).with(csrf()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.field").value("idempotencyKey"));
        mvc.perform(multipart("/api/task/tasks/{id}/submissions", taskOf(other)).with(as(other)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("idempotencyKey"));
    }

    @Test
    void twoCopiesOfOneSubmissionArrivingTogetherAreStoredOnce() throws Exception {
        CurrentUser worker = workerWithTaskInProgress();
        UUID task = taskOf(worker);
        String key = UUID.randomUUID().toString();
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            statuses.add(pool.submit(() -> {
                start.await();
                return mvc.perform(multipart("/api/task/tasks/{id}/submissions", task)
                        .file(new MockMultipartFile("photos", "a.jpg", "image/jpeg", TestPhotos.jpegWithGps(120.2, 30.0)))
                        .param("result", "twice").header("Idempotency-Key", key).with(as(worker)).with(csrf()))
                        .andReturn().getResponse().getStatus();
            }));
        }
        start.countDown();
        java.util.List<Integer> answers = java.util.List.of(statuses.get(0).get(), statuses.get(1).get());
        pool.shutdown();
        assertThat(answers).containsExactlyInAnyOrder(201, 200);
        assertThat(count("task_submission", task)).isEqualTo(1);
        assertThat(count("task_attachment", task)).isEqualTo(1);
    }

    private final java.util.Map<UUID, UUID> tasks = new java.util.HashMap<>();

    /** A worker of the last village who has accepted a task there and checked in. */
    private CurrentUser workerWithTaskInProgress() {
        RegionNode village = TaskFixtures.village(grid, 3);
        CurrentUser officer = TaskFixtures.officer("officer", UUID.randomUUID());
        CurrentUser worker = TaskFixtures.worker("worker", village.code());
        Task task = lifecycle.create(officer, new NewTask("Photo task", null, TaskType.RECTIFICATION, TaskSource.DEPARTMENT,
                null, TaskPriority.NORMAL, TaskFixtures.inDays(2), village.code(), null, null, null, true));
        lifecycle.accept(task.id(), null, worker);
        lifecycle.checkIn(task.id(), null, worker, null, null);
        tasks.put(worker.id(), task.id());
        return worker;
    }

    private UUID taskOf(CurrentUser worker) {
        return tasks.get(worker.id());
    }

    private long count(String table, UUID task) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE task_id = :id").param("id", task).query(Long.class).single();
    }
}
