package io.skyport.ec2.auth;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * {@link SigV4} against signatures computed elsewhere: the AWS Signature Version 4 test suite, the
 * IAM example of the AWS documentation, and the AWS SDK for Java's own signer.
 */
public class SigV4Test {
    // Credentials, time and scope shared by every vector of the AWS SigV4 test suite.
    private static final String SUITE_KEY = "AKIDEXAMPLE";
    private static final String SUITE_SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final String SUITE_DATE = "20150830T123600Z";
    private static final String SUITE_CREDENTIAL = "Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, ";
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static SignedRequest suiteGet(String method, String rawPath, String rawQuery, String signature) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "example.amazonaws.com");
        headers.put("X-Amz-Date", SUITE_DATE);
        headers.put("Authorization", SigV4.ALGORITHM + " " + SUITE_CREDENTIAL + "SignedHeaders=host;x-amz-date, "
                + "Signature=" + signature);
        return Requests.raw(method, rawPath, rawQuery, headers, null);
    }

    /** True when SigV4 reproduces the signature the request carries, hashing the body as received. */
    private static boolean verifies(SignedRequest r, String secret) {
        SigV4.Credential c = SigV4.parse(r);
        return SigV4.sign(r, c, secret, SigV4.hex(SigV4.sha256(r.body()))).equals(c.signature());
    }

    private static void assertVector(SignedRequest r) {
        SigV4.Credential c = SigV4.parse(r);
        String payload = r.header("x-amz-content-sha256") != null ? r.header("x-amz-content-sha256")
                : SigV4.hex(SigV4.sha256(r.body()));
        assertEquals(c.signature(), SigV4.sign(r, c, SUITE_SECRET, payload));
    }

    // aws-sig-v4-test-suite vectors, as published in awslabs/aws-c-auth
    // (tests/aws-signing-test-suite/v4/<name>/header-signed-request.txt) and awslabs/aws-crt-python
    // (test/test_auth.py, get-vanilla and get-utf8).

    @Test
    public void getVanilla() {
        assertVector(suiteGet("GET", "/", null, "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"));
    }

    @Test
    public void getUtf8Path() {
        // GET /ሴ: the path is UTF-8 and percent-encoded once
        assertVector(suiteGet("GET", "/%E1%88%B4", null,
                "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85"));
    }

    @Test
    public void getVanillaQueryOrderKeyCase() {
        assertVector(suiteGet("GET", "/", "Param2=value2&Param1=value1",
                "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"));
    }

    @Test
    public void getVanillaQueryUnreserved() {
        String unreserved = "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        assertVector(suiteGet("GET", "/", unreserved + "=" + unreserved,
                "9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197"));
    }

    @Test
    public void postVanillaQuery() {
        assertVector(suiteGet("POST", "/", "Param1=value1",
                "28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11"));
    }

    @Test
    public void postXWwwFormUrlencoded() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        headers.put("Host", "example.amazonaws.com");
        headers.put("Content-Length", "13");
        headers.put("x-amz-content-sha256", "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e");
        headers.put("Authorization", SigV4.ALGORITHM + " " + SUITE_CREDENTIAL + "SignedHeaders=content-length;"
                + "content-type;host;x-amz-content-sha256;x-amz-date, "
                + "Signature=d3875051da38690788ef43de4db0d8f280229d82040bfac253562e56c3f20e0b");
        headers.put("X-Amz-Date", SUITE_DATE);
        SignedRequest r = Requests.raw("POST", "/", null, headers, "Param1=value1");
        // the declared payload hash is the body's
        assertEquals(r.header("x-amz-content-sha256"), SigV4.hex(SigV4.sha256(r.body())));
        assertVector(r);
        assertFalse("a changed body, its hash recomputed", verifies(bodyHashed(Requests.withBody(r, "Param1=value2")),
                SUITE_SECRET));
    }

    /** The request with x-amz-content-sha256 recomputed from its (changed) body, as a tamperer would. */
    private static SignedRequest bodyHashed(SignedRequest r) {
        Map<String, String> headers = new LinkedHashMap<>();
        r.headers().forEach((k, v) -> headers.put(k, v.get(0)));
        headers.put("x-amz-content-sha256", SigV4.hex(SigV4.sha256(r.body())));
        return Requests.raw(r.method(), r.rawPath(), r.rawQuery(), headers, new String(r.body(),
                StandardCharsets.UTF_8));
    }

    @Test
    public void presignedGetVanillaQueryOrderKeyCase() {
        // tests/aws-signing-test-suite/v4/get-vanilla-query-order-key-case/query-signed-request.txt and
        // query-canonical-request.txt, awslabs/aws-c-auth commit e70d49e6
        String query = "Param2=value2&Param1=value1&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE"
                + "%2F20150830%2Fus-east-1%2Fservice%2Faws4_request&X-Amz-Date=20150830T123600Z"
                + "&X-Amz-SignedHeaders=host"
                + "&X-Amz-Signature=99fe619ddc7883a0738f7e90dc36a30badef2b551412ad283fd7338128bc73ac";
        SignedRequest r = Requests.raw("GET", "/", query, Map.of("Host", "example.amazonaws.com",
                "X-Amz-Date", SUITE_DATE), null);
        assertTrue(SigV4.present(r));
        SigV4.Credential c = SigV4.parse(r);
        assertTrue(c.presigned());
        assertEquals(SUITE_KEY, c.accessKey());
        assertEquals(List.of("host"), c.signedHeaders());
        assertEquals("GET\n/\nParam1=value1&Param2=value2&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential="
                + "AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fservice%2Faws4_request&X-Amz-Date=20150830T123600Z"
                + "&X-Amz-SignedHeaders=host\nhost:example.amazonaws.com\n\nhost\n" + EMPTY_SHA256,
                SigV4.canonicalRequest(r, c, EMPTY_SHA256));
        assertEquals(c.signature(), SigV4.sign(r, c, SUITE_SECRET, EMPTY_SHA256));
    }

    @Test
    public void presignedWithExpires() {
        // the same vector with X-Amz-Expires=3600, awslabs/aws-c-auth commit b081db54
        String query = "Param2=value2&Param1=value1&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE"
                + "%2F20150830%2Fus-east-1%2Fservice%2Faws4_request&X-Amz-Date=20150830T123600Z"
                + "&X-Amz-SignedHeaders=host&X-Amz-Expires=3600"
                + "&X-Amz-Signature=86012e2c9ad4d77369f5d81c11f75158aae4f895a085212cc6d3f923d300bed5";
        SignedRequest r = Requests.raw("GET", "/", query, Map.of("Host", "example.amazonaws.com"), null);
        SigV4.Credential c = SigV4.parse(r);
        assertEquals(Long.valueOf(3600), c.expiresSeconds());
        assertEquals(c.signature(), SigV4.sign(r, c, SUITE_SECRET, EMPTY_SHA256));
    }

    /**
     * The worked example of the AWS General Reference ("Examples of the complete Signature Version 4
     * signing process"): IAM ListUsers, its canonical request hash and final signature.
     */
    @Test
    public void iamListUsersDocumentationExample() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "iam.amazonaws.com");
        headers.put("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        headers.put("X-Amz-Date", SUITE_DATE);
        headers.put("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "
                + "SignedHeaders=content-type;host;x-amz-date, "
                + "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7");
        SignedRequest r = Requests.raw("GET", "/", "Action=ListUsers&Version=2010-05-08", headers, null);
        SigV4.Credential c = SigV4.parse(r);
        assertEquals("us-east-1", c.region());
        assertEquals("iam", c.service());
        assertEquals("20150830/us-east-1/iam/aws4_request", c.scope());
        String canonical = SigV4.canonicalRequest(r, c, EMPTY_SHA256);
        assertEquals("f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59",
                SigV4.hex(SigV4.sha256(canonical.getBytes(StandardCharsets.UTF_8))));
        assertEquals("5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7",
                SigV4.sign(r, c, SUITE_SECRET, EMPTY_SHA256));
    }

    // Negative cases on published vectors

    @Test
    public void tamperedQueryParameterDoesNotVerify() {
        SignedRequest r = suiteGet("GET", "/", "Param2=value2&Param1=value1",
                "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500");
        assertTrue(verifies(r, SUITE_SECRET));
        assertFalse(verifies(Requests.withQuery(r, "Param2=value2&Param1=value3"), SUITE_SECRET));
        assertFalse(verifies(Requests.withQuery(r, "Param2=value2&Param1=value1&Param3=x"), SUITE_SECRET));
    }

    @Test
    public void wrongSecretDoesNotVerify() {
        SignedRequest r = suiteGet("GET", "/", null, "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
        assertFalse(verifies(r, "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEz"));
    }

    @Test
    public void otherRegionOrServiceInTheScopeDoesNotVerify() {
        for (String scope : List.of("AKIDEXAMPLE/20150830/us-west-2/service/aws4_request",
                "AKIDEXAMPLE/20150830/us-east-1/ec2/aws4_request", "AKIDEXAMPLE/20150831/us-east-1/service/aws4_request")) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Host", "example.amazonaws.com");
            headers.put("X-Amz-Date", SUITE_DATE);
            headers.put("Authorization", SigV4.ALGORITHM + " Credential=" + scope + ", SignedHeaders=host;x-amz-date, "
                    + "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
            assertFalse(scope, verifies(Requests.raw("GET", "/", null, headers, null), SUITE_SECRET));
        }
    }

    @Test
    public void signedHeaderChangedDoesNotVerify() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "example.amazonaws.com.evil");
        headers.put("X-Amz-Date", SUITE_DATE);
        headers.put("Authorization", SigV4.ALGORITHM + " " + SUITE_CREDENTIAL + "SignedHeaders=host;x-amz-date, "
                + "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
        assertFalse(verifies(Requests.raw("GET", "/", null, headers, null), SUITE_SECRET));
    }

    // Cross-checks with the AWS SDK for Java v2 signer (AwsV4HttpSigner)

    private static final Clock SIGNED_AT = Requests.clock("2026-11-25T10:15:30Z");
    private static final String FORM = "Action=RunInstances&Version=2016-11-15&ImageId=ami-0123456789abcdef0"
            + "&MinCount=1&MaxCount=1&TagSpecification.1.ResourceType=instance&TagSpecification.1.Tag.1.Key=Name"
            + "&TagSpecification.1.Tag.1.Value=web%20one%2B%2A%7E&UserData=aGVsbG8%3D";

    @Test
    public void sdkSignedFormPostVerifies() {
        SignedRequest r = Requests.sdkPost("AKSKYPORT", "s3cr3t/key+", "skyport-1", "ec2", SIGNED_AT, FORM);
        SigV4.Credential c = SigV4.parse(r);
        assertFalse(c.presigned());
        assertEquals("AKSKYPORT", c.accessKey());
        assertEquals("20261125", c.date());
        assertEquals("20261125T101530Z", c.amzDate());
        assertEquals("skyport-1", c.region());
        assertEquals("ec2", c.service());
        assertTrue(c.signedHeaders().contains("host"));
        assertTrue(c.signedHeaders().contains("content-type"));
        assertEquals("web one+*~", r.params().get("TagSpecification.1.Tag.1.Value"));
        assertEquals(c.signature(), SigV4.sign(r, c, "s3cr3t/key+", SigV4.hex(SigV4.sha256(r.body()))));
    }

    @Test
    public void sdkSignedFormPostTamperedOrWrongKeyDoesNotVerify() {
        SignedRequest r = Requests.sdkPost("AKSKYPORT", "s3cr3t/key+", "skyport-1", "ec2", SIGNED_AT, FORM);
        assertTrue(verifies(r, "s3cr3t/key+"));
        assertFalse(verifies(r, "s3cr3t/key-"));
        assertFalse(verifies(Requests.withBody(r, FORM.replace("MaxCount=1", "MaxCount=9")), "s3cr3t/key+"));
        SignedRequest otherRegion = Requests.sdkPost("AKSKYPORT", "s3cr3t/key+", "us-east-1", "ec2", SIGNED_AT, FORM);
        SignedRequest otherService = Requests.sdkPost("AKSKYPORT", "s3cr3t/key+", "skyport-1", "iam", SIGNED_AT, FORM);
        assertNotEquals(SigV4.parse(r).signature(), SigV4.parse(otherRegion).signature());
        assertNotEquals(SigV4.parse(r).signature(), SigV4.parse(otherService).signature());
        // a signature made for another region, presented under this region's scope
        SigV4.Credential claimed = SigV4.parse(r);
        assertNotEquals(SigV4.parse(otherRegion).signature(),
                SigV4.sign(r, claimed, "s3cr3t/key+", SigV4.hex(SigV4.sha256(r.body()))));
    }

    @Test
    public void sdkPresignedGetVerifies() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("Action", "DescribeInstances");
        params.put("Version", "2016-11-15");
        params.put("Filter.1.Name", "tag:Name");
        params.put("Filter.1.Value.1", "web one/two");
        SignedRequest r = Requests.sdkPresignedGet("AKSKYPORT", "s3cr3t", "skyport-1", "ec2", SIGNED_AT,
                Duration.ofMinutes(5), params);
        assertTrue(SigV4.present(r));
        assertEquals(null, r.header("authorization"));
        SigV4.Credential c = SigV4.parse(r);
        assertTrue(c.presigned());
        assertEquals(Long.valueOf(300), c.expiresSeconds());
        assertEquals("20261125T101530Z", c.amzDate());
        assertEquals("web one/two", r.params().get("Filter.1.Value.1"));
        assertEquals(c.signature(), SigV4.sign(r, c, "s3cr3t", EMPTY_SHA256));
        assertNotEquals(c.signature(), SigV4.sign(r, c, "s3cr3u", EMPTY_SHA256));
        String tampered = r.rawQuery().replace("web%20one", "web%20two");
        assertNotEquals(r.rawQuery(), tampered);
        SignedRequest t = Requests.withQuery(r, tampered);
        assertNotEquals(c.signature(), SigV4.sign(t, SigV4.parse(t), "s3cr3t", EMPTY_SHA256));
    }
}
