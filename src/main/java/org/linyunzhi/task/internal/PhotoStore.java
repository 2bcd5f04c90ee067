package org.linyunzhi.task.internal;

import com.drew.imaging.FileType;
import com.drew.imaging.FileTypeDetector;
import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.TimeZone;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.multipart.MultipartFile;

/**
 * Photos of task results, kept under {@code <data-dir>/attachments/yyyy/MM/}. What a photo is comes
 * from its first bytes, never from its name or the browser's content type: only JPEG, PNG and WebP
 * pass. The position and time the camera wrote into the EXIF block are read and kept, since they
 * show where the work was photographed. A file written for a transaction that rolls back is deleted.
 */
@Component
class PhotoStore {

    private static final Logger log = LoggerFactory.getLogger(PhotoStore.class);

    enum Kind {
        JPEG("image/jpeg", "jpg"), PNG("image/png", "png"), WEBP("image/webp", "webp");

        final String contentType;
        final String extension;

        Kind(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }
    }

    /** A stored photo: where, what, its digest and the EXIF position and time when the camera wrote them. */
    record StoredPhoto(UUID id, String fileName, Kind kind, long size, String sha256, String storagePath,
                       Double exifLon, Double exifLat, Instant takenAt) {
    }

    private final Path root;
    private final TaskProperties properties;

    PhotoStore(@Value("${linyunzhi.data-dir:./data}") String dataDir, TaskProperties properties) {
        this.root = Path.of(dataDir).toAbsolutePath().normalize().resolve("attachments");
        this.properties = properties;
    }

    /** Refuses a file that is too large or is not a photo of an accepted kind; reads only its head. */
    Kind check(MultipartFile file, String field) {
        if (file.getSize() > properties.photoMaxSize().toBytes()) {
            throw new TaskRefused(TaskRefused.Kind.TOO_LARGE, "task.error.photoTooLarge", field,
                    file.getOriginalFilename(), properties.photoMaxSize().toMegabytes());
        }
        // the detector knows PNG by its signature and IHDR chunk (16 bytes); 32 leaves room
        byte[] head = new byte[32];
        int read;
        try (InputStream in = file.getInputStream()) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw TaskRefused.badInput(field, "task.error.photoUnreadable", file.getOriginalFilename());
        }
        Kind kind = kindOf(Arrays.copyOf(head, read));
        if (kind == null) {
            throw TaskRefused.badInput(field, "task.error.photoType", file.getOriginalFilename());
        }
        return kind;
    }

    /** The kind the file's signature announces (metadata-extractor's detector), or null. */
    static Kind kindOf(byte[] head) {
        FileType type;
        try {
            type = FileTypeDetector.detectFileType(new java.io.ByteArrayInputStream(head));
        } catch (IOException unreadable) {
            return null;
        }
        if (type == FileType.Jpeg) {
            return Kind.JPEG;
        }
        if (type == FileType.Png) {
            return Kind.PNG;
        }
        return type == FileType.WebP ? Kind.WEBP : null;
    }

    /** Writes a checked photo; inside a transaction the file is removed again if it rolls back. */
    StoredPhoto store(MultipartFile file, Kind kind) {
        UUID id = UUID.randomUUID();
        LocalDate today = LocalDate.now(TaskNumbers.TOWN_ZONE);
        Path relative = Path.of(String.valueOf(today.getYear()), String.format("%02d", today.getMonthValue()),
                id + "." + kind.extension);
        Path target = root.resolve(relative);
        String digest;
        try {
            Files.createDirectories(target.getParent());
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(file.getInputStream(), sha);
                 OutputStream out = Files.newOutputStream(target)) {
                in.transferTo(out);
            }
            digest = HexFormat.of().formatHex(sha.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("could not store photo under " + root, e);
        }
        deleteOnRollback(target);
        Exif exif = readExif(target);
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                ? id + "." + kind.extension : Path.of(file.getOriginalFilename()).getFileName().toString();
        return new StoredPhoto(id, name, kind, file.getSize(), digest, relative.toString().replace('\\', '/'),
                exif.lon(), exif.lat(), exif.takenAt());
    }

    Path resolve(String storagePath) {
        Path path = root.resolve(storagePath).normalize();
        if (!path.startsWith(root)) {
            throw TaskRefused.notFound();
        }
        return path;
    }

    record Exif(Double lon, Double lat, Instant takenAt) {
    }

    /** The GPS position and original time from the photo's metadata; empty when there are none or they are unreadable. */
    static Exif readExif(Path file) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(file.toFile());
            Double lon = null;
            Double lat = null;
            GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
            GeoLocation at = gps == null ? null : gps.getGeoLocation();
            if (at != null && !at.isZero()) {
                lon = at.getLongitude();
                lat = at.getLatitude();
            }
            ExifSubIFDDirectory exif = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
            // cameras write local time without a zone: read it as the town's time
            java.util.Date taken = exif == null ? null
                    : exif.getDateOriginal(TimeZone.getTimeZone(TaskNumbers.TOWN_ZONE));
            return new Exif(lon, lat, taken == null ? null : taken.toInstant());
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            log.debug("No readable metadata in {}: {}", file.getFileName(), e.getMessage());
            return new Exif(null, null, null);
        }
    }

    private static void deleteOnRollback(Path file) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    try {
                        Files.deleteIfExists(file);
                    } catch (IOException e) {
                        log.warn("Could not remove {} after a rollback: {}", file, e.getMessage());
                    }
                }
            }
        });
    }
}
