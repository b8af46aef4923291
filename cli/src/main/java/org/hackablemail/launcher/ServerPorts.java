package org.hackablemail.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

/** The loopback ports a James server listens on. Port 0 lets James pick a free one (in-process tests). */
public record ServerPorts(int smtp, int submission, int imap, int webAdmin) {

    /** The ports written in {@code james-conf/}: the demo's defaults. */
    public static final ServerPorts DEMO = new ServerPorts(2525, 5870, 1143, 8000);

    public static final ServerPorts ANY = new ServerPorts(0, 0, 0, 0);

    public ServerPorts {
        for (int port : new int[] {smtp, submission, imap, webAdmin}) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Port out of range 0-65535: " + port);
            }
        }
    }

    /** Ports free on this machine right now, for a James started as a separate process. */
    public static ServerPorts free() {
        return new ServerPorts(freePort(), freePort(), freePort(), freePort());
    }

    /** Each service's name with its port, in a stable order, for messages and checks. */
    public Map<String, Integer> byService() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("SMTP", smtp);
        ports.put("submission", submission);
        ports.put("IMAP", imap);
        ports.put("webadmin", webAdmin);
        return ports;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on this machine", e);
        }
    }
}
