package dev.stagedesk.sync.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.stagedesk.sync.Answer;
import dev.stagedesk.sync.Mutation;
import dev.stagedesk.sync.SyncEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one JSON shape of the sync protocol, shared by the endpoint's HTTP server ({@link SyncHttpServer}) and the
 * desktop's client ({@link HttpSyncEndpoint}): the protocol's records as JSON objects with every component present
 * (a null is written as {@code null}, never left out), {@code java.time} values as ISO-8601 text, UUIDs as text.
 * Reading is strict: an unknown field, a missing one, a number as text or text for a number is refused with a
 * {@link Malformed} that names the field ({@code mutations[2].deviceSeq}). Inside free JSON (a row's columns, a
 * command's fields) a whole number is read as a long node and a fraction as a double node, so a row built with
 * {@code put(name, long)} reads back equal; one built with {@code put(name, int)} reads back as the same JSON but
 * not an equal node.
 *
 * <p>The request and answer bodies that are not protocol records themselves (a list, a single number) are the
 * small records below, so that every body is a JSON object that can grow a field later.
 */
public final class SyncJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule("sync-json").addDeserializer(JsonNode.class, new NullableTree()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // every whole number in a JsonNode (a row's columns, a command's fields) reads as a long, whatever its
            // size, so a row read back equals the row written (an IntNode never equals a LongNode)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private static final Pattern MISSING = Pattern.compile("Missing (?:required )?creator property '([^']+)'");

    private SyncJson() {
    }

    /**
     * A {@code JsonNode} component written as {@code null} reads back as Java null, as it was written (Jackson's own
     * reads it as a {@code NullNode}, so {@code mutation.base() == null} would be true in the desktop's process and
     * false in the endpoint's). Nulls inside a tree stay {@code NullNode}s.
     */
    private static final class NullableTree extends StdDeserializer<JsonNode> {
        NullableTree() {
            super(JsonNode.class);
        }

        @Override
        public JsonNode deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return JsonNodeDeserializer.getDeserializer(JsonNode.class).deserialize(p, ctxt);
        }

        @Override
        public JsonNode getNullValue(DeserializationContext ctxt) {
            return null;
        }
    }

    /** The configured mapper (thread-safe; never reconfigure it). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The body of a push: the device's mutations in its order. */
    public record PushBody(List<Mutation> mutations) {
    }

    /** The answer to a push: one per mutation, in the same order. */
    public record PushAnswers(List<Answer> answers) {
    }

    /** The body of a rows request. */
    public record RowsBody(List<SyncEndpoint.RowKey> keys) {
    }

    /** The answer to an upload page: the number {@link SyncEndpoint#upload} returned. */
    public record UploadAnswer(long head) {
    }

    /** The body of an invite: the name of the device that will join (may be null). */
    public record InviteBody(String deviceName) {
    }

    /** The agency's devices. */
    public record DeviceList(List<SyncEndpoint.Device> devices) {
    }

    /** The answer to a revoke. */
    public record Revoked(UUID deviceId) {
    }

    /** The body of every refusal: words for people. */
    public record ErrorBody(String error) {
    }

    /** {@code GET /health}: "ok", or "unavailable" with the reason. */
    public record Health(String status, String error) {
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Reads a body strictly; a body that is not one {@code type} is a {@link Malformed} naming the field. */
    public static <T> T read(byte[] body, Class<T> type) {
        T value;
        try {
            value = MAPPER.readValue(body, type);
        } catch (JsonMappingException e) {
            throw Malformed.of(e);
        } catch (JsonProcessingException e) {
            throw new Malformed(Malformed.Kind.NOT_JSON, null, e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (value == null) {
            throw new Malformed(Malformed.Kind.EMPTY, null, "null");
        }
        return value;
    }

    /**
     * A body that is not what the route reads: what is wrong ({@link Kind}) and where ({@code field}: a path such as
     * {@code mutations[0].at}, null for the body as a whole). The HTTP server turns it into a 400 in words.
     */
    public static final class Malformed extends RuntimeException {
        /** What is wrong with the body. */
        public enum Kind {
            /** No body, or {@code null}. */
            EMPTY,
            /** Not JSON at all, or JSON that ends early. */
            NOT_JSON,
            /** A field the protocol does not have. */
            UNKNOWN_FIELD,
            /** A field the protocol needs is not there. */
            MISSING_FIELD,
            /** A field holds the wrong kind of value (text for a number, a bad date or id). */
            WRONG_VALUE,
            /** A field the route needs is null. */
            NULL_FIELD
        }

        private final Kind kind;
        private final String field;

        public Malformed(Kind kind, String field, String detail) {
            super(kind + (field == null ? "" : " " + field) + (detail == null ? "" : ": " + detail));
            this.kind = kind;
            this.field = field;
        }

        public Kind kind() {
            return kind;
        }

        /** The field's path in the body, or null for the body as a whole. */
        public String field() {
            return field;
        }

        static Malformed of(JsonMappingException e) {
            String path = path(e.getPath());
            if (e instanceof UnrecognizedPropertyException u) {
                return new Malformed(Kind.UNKNOWN_FIELD, path, u.getPropertyName());
            }
            String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            Matcher missing = MISSING.matcher(message);
            if (missing.find()) {
                String parent = e.getPath().isEmpty() ? "" : path;
                // the path may already end at the missing property (it names the property being built)
                String name = missing.group(1);
                String field = parent.isEmpty() ? name
                        : parent.endsWith("." + name) || parent.equals(name) ? parent : parent + "." + name;
                return new Malformed(Kind.MISSING_FIELD, field, null);
            }
            if (message.startsWith("Cannot map `null`") && !path.isEmpty()) {
                return new Malformed(Kind.NULL_FIELD, path, null);
            }
            if (message.startsWith("No content to map")) {
                return new Malformed(Kind.EMPTY, null, null);
            }
            if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
                return new Malformed(path.isEmpty() ? Kind.NOT_JSON : Kind.WRONG_VALUE,
                        path.isEmpty() ? null : path, message);
            }
            return new Malformed(path.isEmpty() ? Kind.NOT_JSON : Kind.WRONG_VALUE, path.isEmpty() ? null : path,
                    message);
        }

        private static String path(List<JsonMappingException.Reference> refs) {
            StringBuilder b = new StringBuilder();
            for (JsonMappingException.Reference r : refs) {
                if (r.getFieldName() != null) {
                    if (b.length() > 0) {
                        b.append('.');
                    }
                    b.append(r.getFieldName());
                } else if (r.getIndex() >= 0) {
                    b.append('[').append(r.getIndex()).append(']');
                }
            }
            return b.toString();
        }

        /** The field named, for messages ("the body" when none). */
        public Optional<String> fieldName() {
            return Optional.ofNullable(field);
        }
    }
}
