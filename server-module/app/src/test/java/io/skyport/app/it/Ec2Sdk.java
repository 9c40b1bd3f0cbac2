package io.skyport.app.it;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

/** The AWS SDK for Java's EC2 client, configured with nothing but endpoint, region and keys. */
final class Ec2Sdk {
    static final String REGION = "skyport-1";

    private Ec2Sdk() {
    }

    static Ec2Client client(TestServer server, NativeClient keys) {
        return client(server, keys.apiKey(), keys.secret());
    }

    static Ec2Client client(TestServer server, String accessKey, String secret) {
        return Ec2Client.builder().endpointOverride(URI.create(server.baseUrl() + "/ec2")).region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret)))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** Waiters poll every 300 ms for at most a minute (the SDK default waits 15 s between polls). */
    static WaiterOverrideConfiguration quickly() {
        return WaiterOverrideConfiguration.builder().maxAttempts(200)
                .backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(300)))
                .waitTimeout(Duration.ofSeconds(60)).build();
    }

    /** The EC2 error code a call fails with; fails the test if it succeeds. */
    static String errorCode(Runnable call) {
        try {
            call.run();
        } catch (Ec2Exception e) {
            return e.awsErrorDetails().errorCode();
        }
        throw new AssertionError("the call succeeded");
    }

    static List<String> ids(List<software.amazon.awssdk.services.ec2.model.Instance> instances) {
        return instances.stream().map(software.amazon.awssdk.services.ec2.model.Instance::instanceId).toList();
    }
}
