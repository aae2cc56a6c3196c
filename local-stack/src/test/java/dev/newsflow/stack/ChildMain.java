package dev.newsflow.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The program {@link ChildProcessTest} runs in child JVMs. {@code exit N} says hello and exits with N;
 * {@code serve FILE} says ready and runs until stopped, writing FILE from its shutdown hook;
 * {@code stubborn} says ready and its shutdown hook never returns, so only SIGKILL ends it.
 */
public final class ChildMain {

    private ChildMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        switch (args[0]) {
            case "exit" -> {
                System.out.println("hello from the child");
                System.exit(Integer.parseInt(args[1]));
            }
            case "serve" -> Runtime.getRuntime().addShutdownHook(new Thread(() -> write(Path.of(args[1]))));
            case "stubborn" -> Runtime.getRuntime().addShutdownHook(new Thread(ChildMain::blockForever));
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.out.println("ready");
        blockForever();
    }

    private static void write(Path file) {
        try {
            Files.writeString(file, "shut down");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void blockForever() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
