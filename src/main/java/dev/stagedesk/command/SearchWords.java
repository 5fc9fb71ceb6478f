package dev.stagedesk.command;

import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Where a record's words go so that search finds it: the base's port to the search feature's word index
 * ({@code search.SearchIndex#words}), handed to the repositories by the composition root. Called in the
 * writing command's transaction; it never opens one of its own.
 */
@FunctionalInterface
public interface SearchWords {
    /** Replaces the words of one record by those of {@code fields}. */
    void index(DSLContext dsl, String entity, UUID id, String... fields);
}
