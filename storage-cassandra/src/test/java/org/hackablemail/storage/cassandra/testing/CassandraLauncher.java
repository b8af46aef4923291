package org.hackablemail.storage.cassandra.testing;

import java.io.IOException;
import java.io.InputStream;

/**
 * The main class of the forked Cassandra JVM: runs {@code org.apache.cassandra.service.CassandraDaemon}, and exits
 * when its standard input closes, which happens when the test JVM that started it dies, even by {@code kill -9}. So
 * an interrupted build never leaves a Cassandra behind holding its ports and half a gigabyte.
 *
 * <p>Only this class of the test-jar is loaded in Cassandra's JVM: it names Cassandra by reflection, as Cassandra is
 * not on the tests' classpath.
 */
public final class CassandraLauncher {
    private static final String DAEMON = "org.apache.cassandra.service.CassandraDaemon";

    private CassandraLauncher() {
    }

    public static void main(String[] args) throws Exception {
        Thread watch = new Thread(CassandraLauncher::exitWhenParentGoes, "exit-with-parent");
        watch.setDaemon(true);
        watch.start();
        Class.forName(DAEMON).getMethod("main", String[].class).invoke(null, (Object) args);
    }

    private static void exitWhenParentGoes() {
        InputStream in = System.in;
        try {
            while (in.read() != -1) {
                // The parent never writes: any byte is ignored, only the end of the stream matters.
            }
        } catch (IOException e) {
            // A broken pipe means the same as the end of the stream.
        }
        System.exit(0);
    }
}
