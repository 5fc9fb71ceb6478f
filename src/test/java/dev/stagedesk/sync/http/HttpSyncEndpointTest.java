package dev.stagedesk.sync.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import dev.stagedesk.sync.SyncEndpoint.PullRequest;
import dev.stagedesk.sync.SyncRefused;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link HttpSyncEndpoint} against servers that are not there, not the sync server, or silent: each failure is a
 * {@link SyncRefused} with a sentence a person understands, never an exception's own text.
 */
class HttpSyncEndpointTest {
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private static void assertInWords(SyncRefused e) {
        assertThat(e.getMessage()).doesNotContain("Exception").doesNotContain("java.").doesNotContain("\n\tat ");
    }

    @Test
    void aPortNobodyListensOnIsRefusedConnection() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        HttpSyncEndpoint client = new HttpSyncEndpoint("http://127.0.0.1:" + port + "/");
        SyncRefused e = catchThrowableOfType(SyncRefused.class, () -> client.devices("t"));
        assertThat(e.status()).isEqualTo(HttpSyncEndpoint.UNREACHABLE);
        assertThat(e.getMessage()).isEqualTo("The sync server at http://127.0.0.1:" + port + " cannot be reached: "
                + "connection refused. Is it running, and is the address right?");
        assertInWords(e);
    }

    @Test
    void aNameThatDoesNotResolveIsSaidSo() {
        HttpSyncEndpoint client = new HttpSyncEndpoint("https://sync.nowhere.invalid:8443");
        SyncRefused e = catchThrowableOfType(SyncRefused.class, () -> client.devices("t"));
        assertThat(e.status()).isEqualTo(HttpSyncEndpoint.UNREACHABLE);
        assertThat(e.getMessage()).isEqualTo("The sync server at https://sync.nowhere.invalid:8443 cannot be "
                + "reached: the name sync.nowhere.invalid is not known. Check the address and the network connection.");
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        open.add(silent);
        List<Socket> accepted = new ArrayList<>();
        Thread acceptor = new Thread(() -> {
            try {
                while (!silent.isClosed()) {
                    accepted.add(silent.accept()); // holds the connection, reads nothing, answers nothing
                }
            } catch (Exception e) {
                // closed at the end of the test
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        HttpSyncEndpoint client = new HttpSyncEndpoint("http://127.0.0.1:" + silent.getLocalPort(),
                Duration.ofSeconds(2), Duration.ofMillis(300), null);
        long start = System.nanoTime();
        SyncRefused e = catchThrowableOfType(SyncRefused.class, () -> client.pull("t", new PullRequest(0, 10, null)));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(e.status()).isEqualTo(HttpSyncEndpoint.UNREACHABLE);
        assertThat(e.getMessage()).isEqualTo("The sync server at http://127.0.0.1:" + silent.getLocalPort()
                + " did not answer within 1 second.");
        for (Socket s : accepted) {
            s.close();
        }
    }

    @Test
    void anAnswerThatIsNotTheProtocolsIsSaidSo() throws Exception {
        HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        other.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            int status = path.contains("devices") || path.contains("connect") ? 200 : path.contains("pull") ? 404 : 401;
            String type = path.contains("connect") ? "application/json" : "text/html; charset=utf-8";
            byte[] body = (path.contains("connect") ? "{\"agencyId\":42}"
                    : "<html><body>Welcome to nginx!</body></html>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        other.start();
        open.add(() -> other.stop(0));
        String url = "http://127.0.0.1:" + other.getAddress().getPort();
        HttpSyncEndpoint client = new HttpSyncEndpoint(url);

        SyncRefused html = catchThrowableOfType(SyncRefused.class, () -> client.devices("t"));
        assertThat(html.status()).isEqualTo(HttpSyncEndpoint.BAD_ANSWER);
        assertThat(html.getMessage()).isEqualTo("The server at " + url
                + " did not answer as a Stagedesk sync server (HTTP 200, text/html).");

        SyncRefused missing = catchThrowableOfType(SyncRefused.class, () -> client.pull("t", new PullRequest(0, 1, null)));
        assertThat(missing.status()).isEqualTo(HttpSyncEndpoint.BAD_ANSWER);
        assertThat(missing.getMessage()).contains("(HTTP 404, text/html)");

        SyncRefused wrongJson = catchThrowableOfType(SyncRefused.class, () -> client.connect(
                new dev.stagedesk.sync.SyncEndpoint.ConnectRequest("c", "d", false)));
        assertThat(wrongJson.status()).isEqualTo(HttpSyncEndpoint.BAD_ANSWER);
        assertThat(wrongJson.getMessage()).contains("(HTTP 200, application/json)");

        SyncRefused noWords = catchThrowableOfType(SyncRefused.class, () -> client.invite("t", null));
        assertThat(noWords.status()).isEqualTo(401);
        assertThat(noWords.getMessage()).isEqualTo("The sync server at " + url + " refused the request (HTTP 401).");
    }

    @Test
    void anAddressThatIsNotOneIsRefusedBeforeAnyRequest() {
        for (String bad : new String[] {"", "sync.example.com", "ftp://sync.example.com", "https://",
                "https://sync.example.com/?x=1", "http://user:pw@sync.example.com", "https://exa mple.com"}) {
            SyncRefused e = catchThrowableOfType(SyncRefused.class, () -> new HttpSyncEndpoint(bad));
            assertThat(e).as(bad).isNotNull();
            assertThat(e.getMessage()).startsWith("'" + bad + "' is not a sync server address.");
        }
        assertThat(new HttpSyncEndpoint(" https://Sync.Example.com:8443/stagedesk/ ").url())
                .isEqualTo("https://Sync.Example.com:8443/stagedesk");
    }
}
