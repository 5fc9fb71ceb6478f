package dev.stagedesk.catalogue;

import static dev.stagedesk.db.jooq.Tables.SERVICE_PACKAGE;

import dev.stagedesk.common.Counting;
import dev.stagedesk.common.Page;
import dev.stagedesk.common.PageRequest;
import dev.stagedesk.common.Sorting;
import dev.stagedesk.search.SearchIndex;
import dev.stagedesk.security.Actor;
import dev.stagedesk.security.Permission;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;

/** Reads for the packages list and for the package pickers of quotes and bookings. */
public final class PackageQuery {
    public static final Map<String, Field<?>> SORTS = Map.of("name", SERVICE_PACKAGE.NAME,
            "duration", SERVICE_PACKAGE.DURATION_MINUTES, "price", SERVICE_PACKAGE.BASE_PRICE_MINOR,
            "act", SERVICE_PACKAGE.PERFORMER_ACT);

    private final DSLContext dsl;

    public PackageQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Page<ServicePackage> page(Actor actor, PageRequest request, boolean includeInactive, boolean includeDeleted) {
        actor.require(Permission.INQUIRIES_VIEW);
        Condition where = SearchIndex.matches(PackageService.ENTITY, SERVICE_PACKAGE.ID, request.search());
        if (!includeDeleted) {
            where = where.and(SERVICE_PACKAGE.DELETED_AT.isNull());
        }
        if (!includeInactive) {
            where = where.and(SERVICE_PACKAGE.ACTIVE.isTrue());
        }
        int total = Counting.capped(dsl, SERVICE_PACKAGE, where);
        List<ServicePackage> rows = dsl.selectFrom(SERVICE_PACKAGE).where(where)
                .orderBy(Sorting.orderBy(request, SORTS, "name", SERVICE_PACKAGE.ID))
                .limit(request.limit()).offset(request.offset()).fetch(PackageRepository::toPackage);
        return Page.ofCapped(rows, total, request.offset());
    }

    /** Active packages by name, for a picker. */
    public List<ServicePackage> choices(Actor actor) {
        actor.require(Permission.INQUIRIES_VIEW);
        return dsl.selectFrom(SERVICE_PACKAGE)
                .where(SERVICE_PACKAGE.DELETED_AT.isNull(), SERVICE_PACKAGE.ACTIVE.isTrue())
                .orderBy(SERVICE_PACKAGE.NAME, SERVICE_PACKAGE.ID).limit(1000).fetch(PackageRepository::toPackage);
    }
}
