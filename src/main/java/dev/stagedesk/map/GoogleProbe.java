package dev.stagedesk.map;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Whether Google's map servers can be reached from here: the map asks before it draws on Google Maps, and stays
 * offline when they cannot. Called off the FX thread. Tests pass their own answer.
 */
@FunctionalInterface
public interface GoogleProbe {
    /** Google Maps' API host, port 443, two seconds. */
    GoogleProbe MAPS = socket("maps.googleapis.com", 443, 2000);

    boolean reachable();

    /** Whether a TCP connection to {@code host}:{@code port} opens within {@code timeoutMillis}. */
    static GoogleProbe socket(String host, int port, int timeoutMillis) {
        return () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), timeoutMillis);
                return true;
            } catch (IOException e) {
                return false;
            }
        };
    }
}
