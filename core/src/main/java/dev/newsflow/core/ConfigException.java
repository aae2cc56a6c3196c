package dev.newsflow.core;

/** A missing or malformed setting, named in the message, found at start-up. */
public class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
