package dev.stagedesk.attachment;

import static dev.stagedesk.db.jooq.Tables.ATTACHMENT;

import dev.stagedesk.command.Command;
import dev.stagedesk.command.CommandBus;
import dev.stagedesk.command.CommandContext;
import dev.stagedesk.command.CommandHandler;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.NotFoundException;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.common.ValidationException;
import dev.stagedesk.db.jooq.tables.records.AttachmentRecord;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files attached to records (bookings now). The file is copied into {@code attachments/<kind>/<id>/} in the data
 * folder (so backups carry it) before the command records it; if the command is refused, the copy is removed.
 * Removing an attachment is a soft delete: the file stays until the record is purged, so an undo is possible.
 */
public final class AttachmentService {
    private static final Logger LOG = LoggerFactory.getLogger(AttachmentService.class);
    public static final String ENTITY = "attachment";
    public static final long MAX_BYTES = 50L * 1024 * 1024;

    public record AddAttachment(String entityType, UUID entityId, UUID id, String fileName, String contentType,
                                long sizeBytes, String sha256, String storedPath) implements Command<Attachment> {
    }

    public record RemoveAttachment(UUID id) implements Command<Attachment> {
    }

    private final CommandBus bus;
    private final DSLContext dsl;
    private final Path root;

    public AttachmentService(CommandBus bus, DSLContext dsl, Path dataFolder) {
        this.bus = bus;
        this.dsl = dsl;
        this.root = dataFolder.resolve("attachments");
        bus.register(AddAttachment.class, CommandHandler.of(Permission.BOOKINGS_EDIT, this::add));
        bus.register(RemoveAttachment.class, CommandHandler.of(Permission.BOOKINGS_EDIT, this::remove));
    }

    /** Copies {@code source} in and records it against the record. */
    public Attachment attach(Actor actor, String entityType, UUID entityId, Path source) {
        actor.require(Permission.BOOKINGS_EDIT);
        AddAttachment add = copyIn(entityType, entityId, source);
        try {
            return bus.execute(actor, add);
        } catch (RuntimeException e) {
            discard(add);
            throw e;
        }
    }

    /**
     * Copies a file into the data folder (under the record it belongs to) and hashes it; the returned command,
     * or {@link #insert} inside another command's transaction (an expense with its receipt), records it. If
     * that is refused, {@link #discard} removes the copy.
     */
    public AddAttachment copyIn(String entityType, UUID entityId, Path source) {
        if (!Files.isRegularFile(source)) {
            throw ValidationException.of("file", I18n.tr("attachment.notAFile", source));
        }
        UUID id = UUID.randomUUID();
        String name = source.getFileName().toString();
        Path dir = root.resolve(entityType).resolve(entityId.toString());
        Path target = dir.resolve(id + "-" + safe(name));
        try {
            long size = Files.size(source);
            if (size > MAX_BYTES) {
                throw ValidationException.of("file", I18n.tr("attachment.tooLarge", name, MAX_BYTES / 1024 / 1024));
            }
            Files.createDirectories(dir);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(source), sha)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            String type = Files.probeContentType(source);
            String stored = root.getParent().relativize(target).toString().replace('\\', '/');
            return new AddAttachment(entityType, entityId, id, name, type == null ? "application/octet-stream" : type,
                    size, HexFormat.of().formatHex(sha.digest()), stored);
        } catch (IOException e) {
            throw new UserFacingException(I18n.tr("attachment.copyFailed", name, e.getMessage()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes a copy whose record was never written. */
    public void discard(AddAttachment add) {
        try {
            Files.deleteIfExists(root.getParent().resolve(add.storedPath()));
        } catch (IOException e) {
            LOG.warn("Could not remove {}: {}", add.storedPath(), e.getMessage());
        }
    }

    public Attachment remove(Actor actor, UUID id) {
        return bus.execute(actor, new RemoveAttachment(id));
    }

    public List<Attachment> list(Actor actor, String entityType, UUID entityId) {
        actor.require(Permission.BOOKINGS_VIEW_ALL);
        return dsl.selectFrom(ATTACHMENT).where(ATTACHMENT.ENTITY_TYPE.eq(entityType), ATTACHMENT.ENTITY_ID.eq(entityId),
                ATTACHMENT.DELETED_AT.isNull()).orderBy(ATTACHMENT.CREATED_AT, ATTACHMENT.ID).fetch(AttachmentService::of);
    }

    /** Where the attachment's bytes are. */
    public Path file(Actor actor, UUID id) {
        actor.require(Permission.BOOKINGS_VIEW_ALL);
        String stored = dsl.select(ATTACHMENT.STORED_PATH).from(ATTACHMENT).where(ATTACHMENT.ID.eq(id))
                .fetchOptional(ATTACHMENT.STORED_PATH).orElseThrow(() -> new NotFoundException(
                        I18n.tr("record.notFound", I18n.tr("entity.attachment"), id)));
        return root.getParent().resolve(stored);
    }

    /** Copies the attachment to {@code target} (a "save a copy" the user chose). */
    public void copyTo(Actor actor, UUID id, Path target) {
        try {
            Files.copy(file(actor, id), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UserFacingException(I18n.tr("file.writeFailed", target, e.getMessage()));
        }
    }

    private static String safe(String name) {
        String cleaned = name.replaceAll("[^\\p{L}\\p{N}._ -]", "_");
        return cleaned.length() > 120 ? cleaned.substring(cleaned.length() - 120) : cleaned;
    }

    private static Attachment of(AttachmentRecord r) {
        return new Attachment(r.getId(), r.getEntityType(), r.getEntityId(), r.getFileName(), r.getContentType(),
                r.getSizeBytes(), r.getSha256(), r.getCreatedAt());
    }

    private Attachment add(AddAttachment c, CommandContext ctx) {
        return insert(ctx, c);
    }

    /** Records a copied file in the command's transaction, audited on the record it belongs to. */
    public static Attachment insert(CommandContext ctx, AddAttachment c) {
        var r = ctx.dsl().newRecord(ATTACHMENT);
        r.setId(c.id());
        r.setEntityType(c.entityType());
        r.setEntityId(c.entityId());
        r.setFileName(c.fileName().length() > 255 ? c.fileName().substring(0, 255) : c.fileName());
        r.setContentType(c.contentType().length() > 120 ? "application/octet-stream" : c.contentType());
        r.setSizeBytes(c.sizeBytes());
        r.setSha256(c.sha256());
        r.setStoredPath(c.storedPath());
        r.setCreatedAt(ctx.now());
        r.setUpdatedAt(ctx.now());
        r.setVersion(0);
        r.store();
        Attachment a = of(r);
        ctx.audit("attach", c.entityType(), c.entityId(), null, fields(a));
        return a;
    }

    private Attachment remove(RemoveAttachment c, CommandContext ctx) {
        var r = ctx.dsl().selectFrom(ATTACHMENT).where(ATTACHMENT.ID.eq(c.id()), ATTACHMENT.DELETED_AT.isNull())
                .forUpdate().fetchOptional().orElseThrow(() -> new NotFoundException(
                        I18n.tr("record.notFound", I18n.tr("entity.attachment"), c.id())));
        r.setDeletedAt(ctx.now());
        r.setUpdatedAt(ctx.now());
        r.setVersion(r.getVersion() + 1);
        r.update();
        Attachment a = of(r);
        ctx.audit("detach", r.getEntityType(), r.getEntityId(), fields(a), null);
        return a;
    }

    private static Map<String, Object> fields(Attachment a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("attachment", a.fileName());
        m.put("sizeBytes", a.sizeBytes());
        m.put("sha256", a.sha256());
        return m;
    }
}
