package dev.stagedesk.sync.http;

import dev.stagedesk.common.I18n;
import dev.stagedesk.common.Language;
import dev.stagedesk.common.UserFacingException;
import dev.stagedesk.sync.SyncEndpoint;
import dev.stagedesk.sync.SyncEndpoint.ConnectRequest;
import dev.stagedesk.sync.SyncEndpoint.PullRequest;
import dev.stagedesk.sync.SyncEndpoint.UploadPage;
import dev.stagedesk.sync.SyncRefused;
import dev.stagedesk.sync.http.SyncJson.Malformed;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Any {@link SyncEndpoint} over HTTP with JSON bodies ({@link SyncJson}):
 * <pre>
 * POST /v1/connect               ConnectRequest            -> Connected
 * POST /v1/push                  {"mutations":[Mutation]}  -> {"answers":[Answer]}
 * POST /v1/pull                  PullRequest               -> Page
 * POST /v1/rows                  {"keys":[RowKey]}         -> Rows
 * POST /v1/upload                UploadPage                -> {"head":n}
 * POST /v1/invite                {"deviceName":"..."}      -> DeviceCode
 * GET  /v1/devices                                         -> {"devices":[Device]}
 * POST /v1/devices/{id}/revoke                             -> {"deviceId":"..."}
 * GET  /health                                             -> {"status":"ok"} (503 when the database check fails)
 * </pre>
 * Every route but connect and health needs {@code Authorization: Bearer TOKEN}, which is handed to the endpoint as
 * it is. A refusal is {@code {"error":"words"}} with a status: a {@link SyncRefused}'s own; 400 for a body that is
 * not the route's (naming the field), and for another {@link UserFacingException}; 401 without a token; 413 for a
 * body over the limit; 500 for anything else, logged with a reference the answer names, and the server goes on
 * serving. Its own words are in the request's {@code Accept-Language} (English or German; English otherwise).
 */
public final class SyncHttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncHttpServer.class);
    private static final String JSON = "application/json";
    /** A request body larger than this is refused (413) unless the options say otherwise. */
    public static final long DEFAULT_MAX_BODY = 16L * 1024 * 1024;

    /** Whether the server's database answers; throws with the reason when it does not. */
    @FunctionalInterface
    public interface HealthCheck {
        void check() throws Exception;
    }

    /**
     * Where and how to listen. {@code port} 0 takes a free port ({@link #port()} says which). {@code tlsKeystore}:
     * a PKCS12 file with the server's key and certificate chain, or null for plain HTTP (behind a proxy that
     * terminates TLS, or on a trusted network).
     */
    public record Options(String host, int port, long maxBodyBytes, Path tlsKeystore, char[] tlsPassword) {
        public Options {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port " + port);
            }
            if (maxBodyBytes <= 0) {
                throw new IllegalArgumentException("maxBodyBytes " + maxBodyBytes);
            }
        }

        /** Plain HTTP on all interfaces, 16 MB bodies. */
        public static Options plain(int port) {
            return new Options("0.0.0.0", port, DEFAULT_MAX_BODY, null, null);
        }

        public Options withMaxBody(long bytes) {
            return new Options(host, port, bytes, tlsKeystore, tlsPassword);
        }

        public Options withHost(String h) {
            return new Options(h, port, maxBodyBytes, tlsKeystore, tlsPassword);
        }

        public Options withTls(Path keystore, char[] password) {
            return new Options(host, port, maxBodyBytes, keystore, password);
        }

        public boolean tls() {
            return tlsKeystore != null;
        }
    }

    private final SyncEndpoint endpoint;
    private final HealthCheck health;
    private final Options options;
    private final Javalin app;

    private SyncHttpServer(SyncEndpoint endpoint, HealthCheck health, Options options) {
        this.endpoint = Objects.requireNonNull(endpoint);
        this.health = health == null ? () -> { } : health;
        this.options = options;
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = options.maxBodyBytes();
            // an Error (a stack overflow in a handler) is answered like any failure: logged, a 500 in JSON
            config.router.javaLangErrorHandler((response, error) -> {
                String reference = UUID.randomUUID().toString().substring(0, 8);
                LOG.error("A request failed with an error (reference {})", reference, error);
                try {
                    response.setStatus(500);
                    response.setContentType(JSON);
                    response.getOutputStream().write(SyncJson.write(new SyncJson.ErrorBody(
                            I18n.tr(Language.EN.formats(), "sync.http.internal", reference))));
                } catch (IOException | RuntimeException e) {
                    LOG.warn("Could not answer the failed request", e);
                }
            });
            config.jetty.host = options.host();
            config.jetty.port = options.port();
            if (options.tls()) {
                config.jetty.addConnector((server, http) -> {
                    SslContextFactory.Server ssl = new SslContextFactory.Server();
                    ssl.setKeyStorePath(options.tlsKeystore().toAbsolutePath().toString());
                    ssl.setKeyStoreType("PKCS12");
                    ssl.setKeyStorePassword(options.tlsPassword() == null ? "" : new String(options.tlsPassword()));
                    HttpConfiguration https = new HttpConfiguration(http);
                    // the client checks the certificate against the name it dialled; the server serves any name
                    https.addCustomizer(new SecureRequestCustomizer(false));
                    ServerConnector connector = new ServerConnector(server,
                            new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
                    connector.setHost(options.host());
                    connector.setPort(options.port());
                    return connector;
                });
            }
            var routes = config.routes;
            routes.post("/v1/connect", guarded(ctx ->
                    answer(ctx, this.endpoint.connect(read(ctx, ConnectRequest.class)))));
            routes.post("/v1/push", guarded(ctx -> {
                String token = token(ctx);
                SyncJson.PushBody body = read(ctx, SyncJson.PushBody.class);
                answer(ctx, new SyncJson.PushAnswers(this.endpoint.push(token, present(body.mutations(), "mutations"))));
            }));
            routes.post("/v1/pull", guarded(ctx -> {
                String token = token(ctx);
                answer(ctx, this.endpoint.pull(token, read(ctx, PullRequest.class)));
            }));
            routes.post("/v1/rows", guarded(ctx -> {
                String token = token(ctx);
                SyncJson.RowsBody body = read(ctx, SyncJson.RowsBody.class);
                answer(ctx, this.endpoint.rows(token, present(body.keys(), "keys")));
            }));
            routes.post("/v1/upload", guarded(ctx -> {
                String token = token(ctx);
                UploadPage page = read(ctx, UploadPage.class);
                present(page.rows(), "rows");
                answer(ctx, new SyncJson.UploadAnswer(this.endpoint.upload(token, page)));
            }));
            routes.post("/v1/invite", guarded(ctx -> {
                String token = token(ctx);
                SyncJson.InviteBody body = read(ctx, SyncJson.InviteBody.class);
                answer(ctx, this.endpoint.invite(token, body.deviceName()));
            }));
            routes.get("/v1/devices", guarded(ctx ->
                    answer(ctx, new SyncJson.DeviceList(this.endpoint.devices(token(ctx))))));
            routes.post("/v1/devices/{id}/revoke", guarded(ctx -> {
                String token = token(ctx);
                UUID id = deviceId(ctx);
                this.endpoint.revoke(token, id);
                answer(ctx, new SyncJson.Revoked(id));
            }));
            routes.get("/health", guarded(this::health));
            // what Javalin itself refuses (no such route, wrong method, a body over its own limit)
            routes.exception(HttpResponseException.class, (e, ctx) -> refuse(ctx, e.getStatus(),
                    e.getStatus() == 413 ? tooLarge(ctx)
                            : e.getStatus() == 404 || e.getStatus() == 405
                            ? tr(ctx, "sync.http.unknownRoute", ctx.method().name(), ctx.path())
                            : String.valueOf(e.getMessage())));
            routes.exception(Exception.class, (e, ctx) -> internal(ctx, e));
        });
    }

    /** Starts serving {@code endpoint}; {@code health} is what {@code GET /health} asks of the database. */
    public static SyncHttpServer start(SyncEndpoint endpoint, HealthCheck health, Options options) {
        if (options.tls()) {
            checkKeystore(options.tlsKeystore(), options.tlsPassword());
        }
        SyncHttpServer server = new SyncHttpServer(endpoint, health, options);
        try {
            server.app.start();
        } catch (RuntimeException e) {
            server.app.stop();
            throw new UserFacingException(I18n.tr("sync.http.cannotListen", options.host(), options.port(),
                    rootMessage(e)));
        }
        LOG.info("Sync endpoint listening on {}://{}:{} (bodies up to {} bytes)", options.tls() ? "https" : "http",
                options.host(), server.port(), options.maxBodyBytes());
        return server;
    }

    /** Opens the key store once before the server starts, so a wrong file or password is said in words. */
    private static void checkKeystore(Path file, char[] password) {
        if (!Files.isReadable(file)) {
            throw new UserFacingException(I18n.tr("sync.http.keystoreMissing", file));
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password == null ? new char[0] : password);
            boolean hasKey = false;
            for (String alias : Collections.list(store.aliases())) {
                hasKey |= store.isKeyEntry(alias);
            }
            if (!hasKey) {
                throw new UserFacingException(I18n.tr("sync.http.keystoreNoKey", file));
            }
        } catch (IOException | GeneralSecurityException e) {
            LOG.info("TLS key store {} cannot be opened", file, e);
            throw new UserFacingException(I18n.tr("sync.http.keystoreUnreadable", file));
        }
    }

    /** The port it listens on (the one chosen when the options said 0). */
    public int port() {
        return app.port();
    }

    public boolean tls() {
        return options.tls();
    }

    @Override
    public void close() {
        app.stop();
    }

    private Handler guarded(Handler route) {
        return ctx -> {
            try {
                route.handle(ctx);
            } catch (SyncRefused e) {
                int status = e.status() >= 400 && e.status() <= 599 ? e.status() : 400;
                LOG.info("{} {} refused ({}): {}", ctx.method(), ctx.path(), status, e.getMessage());
                refuse(ctx, status, e.getMessage());
            } catch (Malformed e) {
                LOG.info("{} {}: malformed body: {}", ctx.method(), ctx.path(), e.getMessage());
                refuse(ctx, 400, malformed(ctx, e));
            } catch (TooLarge e) {
                refuse(ctx, 413, tooLarge(ctx));
            } catch (UserFacingException e) {
                LOG.info("{} {} refused: {}", ctx.method(), ctx.path(), e.getMessage());
                refuse(ctx, 400, e.getMessage());
            } catch (Exception e) {
                internal(ctx, e);
            }
        };
    }

    private void health(Context ctx) {
        try {
            health.check();
            answer(ctx, new SyncJson.Health("ok", null));
        } catch (Exception e) {
            LOG.error("Health check failed", e);
            ctx.status(503).contentType(JSON).result(SyncJson.write(new SyncJson.Health("unavailable",
                    tr(ctx, "sync.http.databaseDown", rootMessage(e)))));
        }
    }

    private static void internal(Context ctx, Exception e) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("{} {} failed (reference {})", ctx.method(), ctx.path(), reference, e);
        refuse(ctx, 500, tr(ctx, "sync.http.internal", reference));
    }

    private static void answer(Context ctx, Object value) {
        ctx.status(200).contentType(JSON).result(SyncJson.write(value));
    }

    private static void refuse(Context ctx, int status, String message) {
        ctx.status(status).contentType(JSON).result(SyncJson.write(new SyncJson.ErrorBody(message)));
    }

    /** The bearer token, or a 401 when the request has none. */
    private static String token(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null) {
            String h = header.strip();
            if (h.regionMatches(true, 0, "Bearer ", 0, 7) && !h.substring(7).isBlank()) {
                return h.substring(7).strip();
            }
        }
        throw new SyncRefused(401, tr(ctx, "sync.http.noToken"));
    }

    private static UUID deviceId(Context ctx) {
        String text = ctx.pathParam("id");
        try {
            UUID id = UUID.fromString(text);
            if (id.toString().equalsIgnoreCase(text)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // below
        }
        throw new SyncRefused(400, tr(ctx, "sync.http.badDeviceId", text));
    }

    private <T> T read(Context ctx, Class<T> type) throws IOException {
        return SyncJson.read(body(ctx), type);
    }

    /** The request body, at most the limit: a larger one is refused before it is read through. */
    private byte[] body(Context ctx) throws IOException {
        long limit = options.maxBodyBytes();
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            throw new TooLarge();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Math.max(declared, 256), limit));
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = ctx.bodyInputStream()) {
            int n;
            while ((n = in.read(buffer)) != -1) {
                if (out.size() + (long) n > limit) {
                    throw new TooLarge();
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    private static <T> List<T> present(List<T> list, String field) {
        if (list == null) {
            throw new Malformed(Malformed.Kind.NULL_FIELD, field, null);
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null) {
                throw new Malformed(Malformed.Kind.NULL_FIELD, field + "[" + i + "]", null);
            }
        }
        return list;
    }

    private static String malformed(Context ctx, Malformed e) {
        return switch (e.kind()) {
            case EMPTY -> tr(ctx, "sync.http.bad.empty");
            case NOT_JSON -> tr(ctx, "sync.http.bad.notJson");
            case UNKNOWN_FIELD -> tr(ctx, "sync.http.bad.unknownField", e.field() == null || e.field().isEmpty()
                    ? unknownName(e) : e.field());
            case MISSING_FIELD -> tr(ctx, "sync.http.bad.missingField", e.field());
            case WRONG_VALUE -> tr(ctx, "sync.http.bad.wrongValue", e.field());
            case NULL_FIELD -> tr(ctx, "sync.http.bad.nullField", e.field());
        };
    }

    private static String unknownName(Malformed e) {
        String m = e.getMessage();
        int colon = m.lastIndexOf(": ");
        return colon < 0 ? m : m.substring(colon + 2);
    }

    private String tooLarge(Context ctx) {
        return tr(ctx, "sync.http.tooLarge", (options.maxBodyBytes() + 1024 * 1024 - 1) / (1024 * 1024));
    }

    /** The server's own words in the request's language (Accept-Language: de gets German). */
    private static String tr(Context ctx, String key, Object... args) {
        Language language = Language.EN;
        String accept = ctx.header("Accept-Language");
        if (accept != null) {
            for (Locale.LanguageRange range : parseRanges(accept)) {
                var l = Language.ofCode(range.getRange().split("-")[0]);
                if (l.isPresent()) {
                    language = l.get();
                    break;
                }
            }
        }
        return I18n.tr(language.formats(), key, args);
    }

    private static List<Locale.LanguageRange> parseRanges(String accept) {
        try {
            return Locale.LanguageRange.parse(accept);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** A body over the limit. */
    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }
}
