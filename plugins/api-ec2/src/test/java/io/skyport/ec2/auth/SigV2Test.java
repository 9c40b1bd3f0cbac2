package io.skyport.ec2.auth;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import org.junit.Test;

/**
 * {@link SigV2} against the worked example of the AWS General Reference ("Signature Version 2
 * signing process": DescribeJobFlows on elasticmapreduce.amazonaws.com), and requests changed
 * after signing.
 */
public class SigV2Test {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String EXPECTED = "i91nKc4PWAt0JJIdXwz9HxZCJDdiy6cf/Mj6vPxyYIs=";
    // the example's query, as the document lists it (unsorted), with its signature appended
    private static final String QUERY = "Action=DescribeJobFlows&Version=2009-03-31&AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE"
            + "&SignatureVersion=2&SignatureMethod=HmacSHA256&Timestamp=2011-10-03T15%3A19%3A30"
            + "&Signature=i91nKc4PWAt0JJIdXwz9HxZCJDdiy6cf%2FMj6vPxyYIs%3D";

    private static SignedRequest example(String method, String host, String path, String query) {
        return Requests.raw(method, path, query, Map.of("Host", host), null);
    }

    private static SignedRequest documented() {
        return example("GET", "elasticmapreduce.amazonaws.com", "/", QUERY);
    }

    @Test
    public void documentationExample() {
        SignedRequest r = documented();
        assertTrue(SigV2.present(r.params()));
        assertEquals(EXPECTED, r.params().get("Signature"));
        assertEquals(EXPECTED, SigV2.sign(r, SECRET));
    }

    @Test
    public void hostIsCaseInsensitiveAndAnEmptyPathIsTheRoot() {
        assertEquals(EXPECTED, SigV2.sign(example("GET", "ElasticMapReduce.amazonaws.com", "", QUERY), SECRET));
    }

    @Test
    public void theSameParametersInAFormBodySignTheSame() {
        // clients that POST put the parameters in the body; the string to sign names POST
        SignedRequest post = Requests.raw("POST", "/", null, Map.of("Host", "elasticmapreduce.amazonaws.com",
                "Content-Type", "application/x-www-form-urlencoded; charset=utf-8"), QUERY);
        assertEquals(documented().params(), post.params());
        String postSignature = SigV2.sign(post, SECRET);
        assertNotEquals("the method is signed", EXPECTED, postSignature);
    }

    @Test
    public void tamperedParameterDoesNotVerify() {
        assertNotEquals(EXPECTED, SigV2.sign(Requests.withParam(documented(), "Version", "2009-03-30"), SECRET));
        assertNotEquals(EXPECTED, SigV2.sign(Requests.withParam(documented(), "JobFlowIds.member.1", "j-1"), SECRET));
    }

    @Test
    public void wrongSecretHostOrPathDoesNotVerify() {
        assertNotEquals(EXPECTED, SigV2.sign(documented(), "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEz"));
        assertNotEquals(EXPECTED, SigV2.sign(example("GET", "ec2.amazonaws.com", "/", QUERY), SECRET));
        assertNotEquals(EXPECTED, SigV2.sign(example("GET", "elasticmapreduce.amazonaws.com", "/ec2", QUERY), SECRET));
    }

    @Test
    public void signatureMethodIsSigned() {
        String sha1 = SigV2.sign(Requests.withParam(documented(), "SignatureMethod", "HmacSHA1"), SECRET);
        assertNotEquals(EXPECTED, sha1);
        assertEquals("an HMAC-SHA1 is 20 bytes", 20, java.util.Base64.getDecoder().decode(sha1).length);
        assertNull(SigV2.sign(Requests.withParam(documented(), "SignatureMethod", "HmacMD5"), SECRET));
    }

    @Test
    public void presentNeedsKeyAndSignature() {
        TreeMap<String, String> p = new TreeMap<>(documented().params());
        p.remove("Signature");
        assertFalse(SigV2.present(p));
        p.put("Signature", EXPECTED);
        p.remove("AWSAccessKeyId");
        assertFalse(SigV2.present(p));
    }
}
