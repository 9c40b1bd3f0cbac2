package io.skyport.api.auth;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.Test;

/** The native API's request signature, checked against published and independently computed vectors. */
public class SignatureVerifierTest {
    /**
     * The worked example of the Apache CloudStack developer guide, "How to sign an API call with
     * Python" (docs/en-US/signing-api-calls-python.xml, CLOUDSTACK-2338): listUsers with
     * response=json signs to {@code TTpdDq/7j/J58XCRHomKoQXEQds=}. The same value is what
     * {@code printf '%s' "$canonical" | openssl dgst -sha1 -binary -hmac "$secret" | base64}
     * gives for the canonical string below.
     */
    private static final String DOC_API_KEY =
            "plgWJfZK4gyS3mOMTVmjUVg-X-jlWlnfaUJ9GAbBbf9EdM-kAYMmAiLqzzq1ElZLYq_u38zCm0bewzGUdP66mg";
    private static final String DOC_SECRET =
            "VDaACYb0LV9eNjTetIOElcVQkvJck_J_QljX_FcHRj87ZKiy0z0ty0ZsYBkoXkY9b7eq1EhwJaw7FF3akA3KBQ";
    private static final String DOC_CANONICAL = "apikey=plgwjfzk4gys3momtvmjuvg-x-jlwlnfauj9gabbbf9edm-kaymmailqzzq1elzl"
            + "yq_u38zcm0bewzgudp66mg&command=listusers&response=json";
    private static final String DOC_SIGNATURE = "TTpdDq/7j/J58XCRHomKoQXEQds=";

    private static Map<String, String> docRequest() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("command", "listUsers");
        p.put("response", "json");
        p.put("apikey", DOC_API_KEY);
        return p;
    }

    @Test
    public void publishedExampleCanonicalStringAndSignature() {
        assertEquals(DOC_CANONICAL, SignatureVerifier.canonical(docRequest()));
        assertEquals(DOC_SIGNATURE, SignatureVerifier.sign(docRequest(), DOC_SECRET));
        assertTrue(SignatureVerifier.verify(docRequest(), DOC_SIGNATURE, DOC_SECRET));
    }

    @Test
    public void wrongSignatureWrongSecretAndMissingSignatureAreRejected() {
        assertFalse(SignatureVerifier.verify(docRequest(), "TTpdDq/7j/J58XCRHomKoQXEQdt=", DOC_SECRET));
        assertFalse(SignatureVerifier.verify(docRequest(), DOC_SIGNATURE.substring(1), DOC_SECRET));
        assertFalse(SignatureVerifier.verify(docRequest(), "", DOC_SECRET));
        assertFalse(SignatureVerifier.verify(docRequest(), null, DOC_SECRET));
        assertFalse(SignatureVerifier.verify(docRequest(), DOC_SIGNATURE, DOC_SECRET + "x"));
        Map<String, String> tampered = docRequest();
        tampered.put("response", "xml");
        assertFalse(SignatureVerifier.verify(tampered, DOC_SIGNATURE, DOC_SECRET));
    }

    @Test
    public void parameterOrderAndNameCaseDoNotMatter() {
        Map<String, String> reversed = new LinkedHashMap<>();
        reversed.put("apiKey", DOC_API_KEY);
        reversed.put("Response", "json");
        reversed.put("command", "listUsers");
        assertEquals(DOC_SIGNATURE, SignatureVerifier.sign(reversed, DOC_SECRET));
    }

    @Test
    public void theSignatureParameterIsNotSigned() {
        Map<String, String> p = docRequest();
        p.put("signature", DOC_SIGNATURE);
        assertEquals(DOC_CANONICAL, SignatureVerifier.canonical(p));
        assertTrue(SignatureVerifier.verify(p, DOC_SIGNATURE, DOC_SECRET));
        p.put("Signature", "anything");
        assertTrue(SignatureVerifier.verify(p, DOC_SIGNATURE, DOC_SECRET));
    }

    /**
     * Spaces are %20, never '+', and reserved characters are percent-encoded before lower-casing.
     * Expected value computed independently:
     * {@code printf '%s' 'apikey=k&command=deployvirtualmachine&displayname=my%20vm%20%26%20co&zoneid=z'
     * | openssl dgst -sha1 -binary -hmac 'Secret-Key_1' | base64}.
     */
    @Test
    public void spacesEncodeAsPercent20() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("zoneId", "Z");
        p.put("displayName", "My VM & Co");
        p.put("command", "deployVirtualMachine");
        p.put("apiKey", "K");
        String canonical = SignatureVerifier.canonical(p);
        assertEquals("apikey=k&command=deployvirtualmachine&displayname=my%20vm%20%26%20co&zoneid=z", canonical);
        assertFalse(canonical.contains("+"));
        assertEquals("NVb3lepULRFhVDlavSvIwo30IJY=", SignatureVerifier.sign(p, "Secret-Key_1"));
    }

    @Test
    public void theSecretIsCaseSensitiveWhileTheStringToSignIsNot() {
        assertFalse(SignatureVerifier.sign(docRequest(), DOC_SECRET).equals(
                SignatureVerifier.sign(docRequest(), DOC_SECRET.toLowerCase())));
        Map<String, String> upper = docRequest();
        upper.put("command", "LISTUSERS");
        assertEquals(DOC_SIGNATURE, SignatureVerifier.sign(upper, DOC_SECRET));
    }
}
