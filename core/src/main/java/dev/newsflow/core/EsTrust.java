package dev.newsflow.core;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Whom a Newsflow process trusts when it talks to Elasticsearch over https: the JVM's trust store,
 * or only the certificate authority named by {@code NEWSFLOW_ES_CA_CERT} (the CA the Elasticsearch
 * setup made). Trusting that CA for Elasticsearch alone, rather than adding it to the JVM's store,
 * leaves every other TLS connection of the process as it was, and a certificate from any public CA
 * cannot stand in for the cluster's.
 *
 * @param caCertificate the PEM file the authorities came from; empty for the JVM's trust store
 * @param authorities   the certificates read from it
 */
public record EsTrust(Optional<Path> caCertificate, List<X509Certificate> authorities) {

    public static final String CA_CERT = "NEWSFLOW_ES_CA_CERT";

    /** No CA of our own: https URLs are checked against the JVM's trust store. */
    public static final EsTrust JVM_DEFAULT = new EsTrust(Optional.empty(), List.of());

    public EsTrust {
        authorities = List.copyOf(authorities);
    }

    /**
     * Reads {@code NEWSFLOW_ES_CA_CERT}.
     *
     * @throws ConfigException when the file is missing, unreadable or holds no certificate
     */
    public static EsTrust fromEnv(Env env) {
        return env.find(CA_CERT).map(path -> read(Path.of(path), CA_CERT)).orElse(JVM_DEFAULT);
    }

    /**
     * Reads {@code NEWSFLOW_ES_CA_CERT} for {@code url}. A CA with a plain http URL means someone meant
     * TLS but the password would cross the network in clear: that is refused.
     *
     * @throws ConfigException as {@link #fromEnv(Env)}, and when a CA is given for an http URL
     */
    public static EsTrust fromEnv(Env env, URI url) {
        EsTrust trust = fromEnv(env);
        if (trust.caCertificate().isPresent() && !"https".equals(url.getScheme())) {
            throw new ConfigException(CA_CERT + " is set, so NEWSFLOW_ES_URL must be an https URL, got \"" + url + "\"");
        }
        return trust;
    }

    /** Trusts the CA certificate(s) in a PEM (or DER) file. */
    public static EsTrust caCertificate(Path file) {
        return read(file, "the CA certificate file");
    }

    /** The TLS context to give the HTTP client; empty when the JVM's default one serves. */
    public Optional<SSLContext> sslContext() {
        if (authorities.isEmpty()) {
            return Optional.empty();
        }
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < authorities.size(); i++) {
                store.setCertificateEntry("newsflow-es-ca-" + i, authorities.get(i));
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return Optional.of(context);
        } catch (GeneralSecurityException | IOException e) {
            // Every JVM has a default key store type, PKIX and TLS; failing here is a broken JVM.
            throw new IllegalStateException("cannot build a TLS context trusting " + caCertificate.orElseThrow(), e);
        }
    }

    /**
     * Whether {@code failure} is Elasticsearch's certificate being refused: signed by a CA this process
     * does not trust, or not naming the host of the URL. Unlike a node that is still starting, that
     * does not pass by waiting.
     */
    public static boolean isCertificateRefusal(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof CertificateException || t instanceof CertPathBuilderException
                    || t instanceof CertPathValidatorException) {
                return true;
            }
        }
        return false;
    }

    /** What to tell the operator about a {@linkplain #isCertificateRefusal certificate refusal}. */
    public static String refusalAdvice(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "Elasticsearch's TLS certificate was refused (" + root.getMessage() + "): set " + CA_CERT
                + " to the PEM certificate of the CA that signed it, and use a host name the certificate names";
    }

    @Override
    public String toString() {
        return caCertificate.map(path -> "EsTrust[ca=" + path + "]").orElse("EsTrust[jvm default]");
    }

    private static EsTrust read(Path file, String source) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ConfigException(source + " names " + file + ", which is not a readable file");
        }
        List<X509Certificate> certificates = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certificates.add((X509Certificate) certificate);
            }
        } catch (CertificateException e) {
            throw new ConfigException(source + " names " + file + ", which is not a PEM certificate: " + e.getMessage());
        } catch (IOException e) {
            throw new ConfigException(source + " names " + file + ", which cannot be read: " + e.getMessage());
        }
        if (certificates.isEmpty()) {
            throw new ConfigException(source + " names " + file + ", which holds no certificate");
        }
        return new EsTrust(Optional.of(file), certificates);
    }
}
