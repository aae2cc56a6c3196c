package dev.newsflow.stack;

/** One server of the local stack: started by its subclass, stopped, killed and watched alike. */
abstract class LocalServer {

    /** The running process; null until the first start. */
    protected ChildProcess process;

    /** Starts the server and returns once it answers. */
    abstract void start();

    /** Stops the server gracefully; it can be started again with its data. */
    void stop() {
        if (process != null) {
            process.stop();
        }
    }

    /** Kills the server at once, as a crash would; {@link #start()} brings it back with its data. */
    void kill() {
        if (process != null) {
            process.kill();
        }
    }

    boolean running() {
        return process != null && process.alive();
    }

    /** The process whose death is the server's crash; 0 before the first start. */
    long pid() {
        return process == null ? 0 : process.pid();
    }
}
