package dev.newsflow.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ThreadLocalRandom;

/** Loopback port helpers. */
public final class Ports {

    private Ports() {
    }

    /**
     * Where {@link #free()} looks: below the kernels' ephemeral ranges (Linux's starts at 32768, macOS's and
     * Windows' at 49152). A port the kernel hands out for listening comes from that range, so the outgoing
     * connection of a server starting meanwhile (Kafka's controller and broker talk at once) could take it
     * before the server meant for it binds: seen once in CI as Elasticsearch failing with "Address already
     * in use". No outgoing connection takes a port from here.
     */
    static final int FIRST = 20_000;
    static final int LAST = 32_767;
    private static final int TRIES = 200;

    /** A port that was free on 127.0.0.1 a moment ago, outside the ephemeral range. */
    public static int free() {
        for (int i = 0; i < TRIES; i++) {
            int port = ThreadLocalRandom.current().nextInt(FIRST, LAST + 1);
            if (bindable(port)) {
                return port;
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /** Whether a server could listen on 127.0.0.1:{@code port} now (a port in TIME_WAIT counts as free). */
    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether something accepts connections on 127.0.0.1:{@code port}. */
    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Fails with a message naming the port and the setting to change when something already listens there.
     */
    static void requireFree(int port, String what, String variable) {
        if (!bindable(port)) {
            throw new StackStartException("port " + port + " for " + what + " is already taken on 127.0.0.1 "
                    + "(another " + what + " or an earlier stack still running?). Stop it, or choose another port with "
                    + variable + ".");
        }
    }
}
