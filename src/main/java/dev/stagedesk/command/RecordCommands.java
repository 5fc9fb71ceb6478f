package dev.stagedesk.command;

import dev.stagedesk.common.ConcurrentEditException;
import dev.stagedesk.common.I18n;
import dev.stagedesk.common.NotFoundException;
import dev.stagedesk.common.UserFacingException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Create, update (optimistic), soft delete, restore and import-upsert for one kind of master record, each
 * with its audit entry. Services configure one per entity and call it from their command handlers.
 */
public final class RecordCommands<D, E extends StoredRecord> {
    private final String entity;
    private final RecordStore<D, E> store;
    private final UnaryOperator<D> normalize;
    private final Consumer<D> validate;

    /**
     * @param entity    the audit entity type and message key suffix ("client")
     * @param normalize cleans a draft (blank to null, trimming) before validation
     * @param validate  throws a ValidationException naming every bad field
     */
    public RecordCommands(String entity, RecordStore<D, E> store, UnaryOperator<D> normalize, Consumer<D> validate) {
        this.entity = entity;
        this.store = store;
        this.normalize = normalize;
        this.validate = validate;
    }

    public E load(CommandContext ctx, UUID id) {
        return store.find(ctx.dsl(), id).orElseThrow(() -> new NotFoundException(
                I18n.tr("record.notFound", label(), id)));
    }

    public E create(CommandContext ctx, UUID id, D raw) {
        D draft = normalize.apply(raw);
        validate.accept(draft);
        store.insert(ctx.dsl(), id, draft, ctx.now());
        E created = load(ctx, id);
        ctx.audit("create", entity, id, null, created.auditFields());
        return created;
    }

    public E update(CommandContext ctx, UUID id, int expectedVersion, D raw) {
        E before = load(ctx, id);
        D draft = normalize.apply(raw);
        validate.accept(draft);
        if (before.deletedAt() != null) {
            throw new UserFacingException(I18n.tr("record.isDeleted", label(), before.displayName()));
        }
        if (!store.update(ctx.dsl(), id, expectedVersion, draft, ctx.now())) {
            throw changedElsewhere(ctx, before);
        }
        E after = load(ctx, id);
        ctx.audit("update", entity, id, before.auditFields(), after.auditFields());
        return after;
    }

    /** CSV import: creates the record with this id, or updates it (at its current version) when it exists. */
    public E upsert(CommandContext ctx, UUID id, D raw) {
        Optional<E> existing = store.find(ctx.dsl(), id);
        return existing.isPresent() ? update(ctx, id, existing.get().version(), raw) : create(ctx, id, raw);
    }

    public E delete(CommandContext ctx, UUID id) {
        E before = load(ctx, id);
        if (before.deletedAt() != null) {
            throw new UserFacingException(I18n.tr("record.alreadyDeleted", label(), before.displayName()));
        }
        return setDeleted(ctx, before, true);
    }

    public E restore(CommandContext ctx, UUID id) {
        E before = load(ctx, id);
        if (before.deletedAt() == null) {
            throw new UserFacingException(I18n.tr("record.notDeleted", label(), before.displayName()));
        }
        return setDeleted(ctx, before, false);
    }

    private E setDeleted(CommandContext ctx, E before, boolean deleted) {
        if (!store.setDeleted(ctx.dsl(), before.id(), before.version(), deleted ? ctx.now() : null, ctx.now())) {
            throw changedElsewhere(ctx, before);
        }
        E after = load(ctx, before.id());
        ctx.audit(deleted ? "delete" : "restore", entity, before.id(), before.auditFields(), after.auditFields());
        return after;
    }

    private ConcurrentEditException changedElsewhere(CommandContext ctx, E before) {
        return StaleEdit.refused(ctx.dsl(), entity, before.id(), label(), before.displayName());
    }

    private String label() {
        return I18n.tr("entity." + entity);
    }
}
