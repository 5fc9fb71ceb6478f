package dev.stagedesk.sync;

import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Where the endpoint keeps its data: the registry of agencies and devices ({@link #control()}), and one store per
 * agency, opened (created and migrated the first time) as an {@link AgencyRuntime} with the capture triggers on.
 * The composition root gives the implementation: H2 files in a folder, or one PostgreSQL database with a schema
 * per agency.
 */
public interface ServerStore extends AutoCloseable {
    DSLContext control();

    AgencyRuntime openAgency(UUID agencyId, String storeName);

    @Override
    void close();
}
