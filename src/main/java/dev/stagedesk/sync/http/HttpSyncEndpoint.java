package dev.stagedesk.sync.http;

import dev.stagedesk.common.I18n;
import dev.stagedesk.sync.Answer;
import dev.stagedesk.sync.Mutation;
import dev.stagedesk.sync.SyncEndpoint;
import dev.stagedesk.sync.SyncRefused;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop's way to the sync endpoint over the network: {@link SyncEndpoint} over HTTP/JSON
 * ({@link SyncHttpServer}'s routes, {@link SyncJson}'s shape). A refusal comes back as the endpoint's
 * {@link SyncRefused} (its status and words); a server that cannot be reached (refused, unknown name, no answer in
 * time, a certificate that is not trusted) is a {@code SyncRefused} with status {@link #UNREACHABLE} and a sentence
 * that says so, and an answer that is not the protocol's is one with status {@link #BAD_ANSWER}: never a stack
 * trace's text. Messages are in the desktop's language ({@link I18n#tr(String, Object...)}).
 */
public final class HttpSyncEndpoint implements SyncEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(HttpSyncEndpoint.class);
    /** The status of a refusal that never reached the endpoint: try again later. */
    public static final int UNREACHABLE = 503;
    /** The status of an answer that is not the sync protocol's (another server at that address, a proxy's page). */
    public static final int BAD_ANSWER = 502;
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final String shown;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Duration connectTimeout;

    /** Over {@code url} (http or https, a host, an optional port and path) with the default timeouts. */
    public HttpSyncEndpoint(String url) {
        this(url, CONNECT_TIMEOUT, REQUEST_TIMEOUT, null);
    }

    /**
     * @param sslContext the certificates to trust (null: the JVM's default trust store)
     */
    public HttpSyncEndpoint(String url, Duration connectTimeout, Duration requestTimeout, SSLContext sslContext) {
        this.base = address(url);
        this.shown = shown(base);
        this.requestTimeout = requestTimeout;
        this.connectTimeout = connectTimeout;
        this.http = sslContext == null && connectTimeout.equals(CONNECT_TIMEOUT) ? Shared.CLIENT
                : client(connectTimeout, sslContext);
    }

    /**
     * The one client of the default settings: the desktop makes an endpoint per round ({@code SyncClient}'s transport),
     * and each {@code HttpClient} has its own connections and selector thread.
     */
    private static final class Shared {
        static final HttpClient CLIENT = client(CONNECT_TIMEOUT, null);
    }

    private static HttpClient client(Duration connectTimeout, SSLContext sslContext) {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1);
        if (sslContext != null) {
            b.sslContext(sslContext);
        }
        return b.build();
    }

    /**
     * The server's address from what a person typed: {@code https://sync.example.com:8443} (a trailing slash or a
     * path prefix are kept). Anything else is refused with words.
     */
    public static URI address(String url) {
        String text = url == null ? "" : url.strip();
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new SyncRefused(400, I18n.tr("sync.http.badUrl", text));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getQuery() != null
                || uri.getFragment() != null || uri.getUserInfo() != null) {
            throw new SyncRefused(400, I18n.tr("sync.http.badUrl", text));
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return URI.create(scheme + "://" + uri.getRawAuthority() + path);
    }

    /** The address as people see it in messages. */
    public String url() {
        return shown;
    }

    @Override
    public Connected connect(ConnectRequest request) {
        return call("POST", "/v1/connect", null, request, Connected.class);
    }

    @Override
    public List<Answer> push(String token, List<Mutation> mutations) {
        return call("POST", "/v1/push", token, new SyncJson.PushBody(mutations), SyncJson.PushAnswers.class)
                .answers();
    }

    @Override
    public Page pull(String token, PullRequest request) {
        return call("POST", "/v1/pull", token, request, Page.class);
    }

    @Override
    public Rows rows(String token, List<RowKey> keys) {
        return call("POST", "/v1/rows", token, new SyncJson.RowsBody(keys), Rows.class);
    }

    @Override
    public long upload(String token, UploadPage page) {
        return call("POST", "/v1/upload", token, page, SyncJson.UploadAnswer.class).head();
    }

    @Override
    public DeviceCode invite(String token, String deviceName) {
        return call("POST", "/v1/invite", token, new SyncJson.InviteBody(deviceName), DeviceCode.class);
    }

    @Override
    public List<Device> devices(String token) {
        return call("GET", "/v1/devices", token, null, SyncJson.DeviceList.class).devices();
    }

    @Override
    public void revoke(String token, UUID deviceId) {
        call("POST", "/v1/devices/" + deviceId + "/revoke", token, null, SyncJson.Revoked.class);
    }

    /** {@code GET /health}: empty when the server is up and its database answers, else the reason in words. */
    public Optional<String> health() {
        try {
            call("GET", "/health", null, null, SyncJson.Health.class);
            return Optional.empty();
        } catch (SyncRefused e) {
            return Optional.of(e.getMessage());
        }
    }

    private <T> T call(String method, String path, String token, Object body, Class<T> answer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(requestTimeout)
                .header("Accept", "application/json")
                .header("Accept-Language", I18n.language().code());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(SyncJson.write(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncRefused(UNREACHABLE, I18n.tr("sync.http.interrupted", shown));
        } catch (IOException e) {
            throw unreachable(method, path, e);
        }
        int status = response.statusCode();
        byte[] bytes = response.body();
        if (status >= 200 && status < 300) {
            try {
                return SyncJson.read(bytes, answer);
            } catch (SyncJson.Malformed e) {
                LOG.warn("{} {}{}: an answer that is not the protocol's: {}", method, base, path, e.getMessage());
                throw badAnswer(response);
            }
        }
        String words = errorWords(bytes);
        if (words != null) {
            throw new SyncRefused(status, words);
        }
        LOG.warn("{} {}{}: HTTP {} without the protocol's error body", method, base, path, status);
        throw status == 404 || status == 405 || status >= 500 && status != 503 ? badAnswer(response)
                : new SyncRefused(status, I18n.tr("sync.http.refusedNoWords", shown, status));
    }

    private SyncRefused badAnswer(HttpResponse<byte[]> response) {
        String type = response.headers().firstValue("Content-Type").orElse("?");
        return new SyncRefused(BAD_ANSWER, I18n.tr("sync.http.badAnswer", shown, response.statusCode(),
                type.split(";")[0].strip()));
    }

    private static String errorWords(byte[] bytes) {
        try {
            String error = SyncJson.read(bytes, SyncJson.ErrorBody.class).error();
            return error == null || error.isBlank() ? null : error;
        } catch (SyncJson.Malformed e) {
            return null;
        }
    }

    private SyncRefused unreachable(String method, String path, IOException e) {
        LOG.info("{} {}{} failed: {}", method, base, path, e.toString());
        String words;
        if (e instanceof HttpConnectTimeoutException) {
            words = I18n.tr("sync.http.connectTimeout", shown, Math.max(1, connectTimeout.toSeconds()));
        } else if (e instanceof HttpTimeoutException) {
            words = I18n.tr("sync.http.timeout", shown, Math.max(1, requestTimeout.toSeconds()));
        } else if (has(e, UnresolvedAddressException.class) || has(e, UnknownHostException.class)) {
            words = I18n.tr("sync.http.unknownHost", shown, base.getHost());
        } else if (has(e, SSLHandshakeException.class) || has(e, java.security.cert.CertificateException.class)) {
            words = I18n.tr("sync.http.certificate", shown);
        } else if (has(e, SSLException.class)) {
            words = I18n.tr("sync.http.tls", shown);
        } else if (has(e, NoRouteToHostException.class)) {
            words = I18n.tr("sync.http.noRoute", shown);
        } else if (has(e, ConnectException.class)) {
            words = I18n.tr("sync.http.refused", shown);
        } else {
            words = I18n.tr("sync.http.broken", shown);
        }
        return new SyncRefused(UNREACHABLE, words);
    }

    private static boolean has(Throwable e, Class<? extends Throwable> kind) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String shown(URI uri) {
        return uri.toString();
    }
}
