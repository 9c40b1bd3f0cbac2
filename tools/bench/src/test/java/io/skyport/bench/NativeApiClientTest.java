package io.skyport.bench;

import static org.junit.Assert.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.Test;

public class NativeApiClientTest {
    @Test
    public void aFailedJobIsToldByItsErrorText() {
        JsonObject answer = JsonParser.parseString("{\"jobstatus\":2,\"jobresultcode\":530,\"jobresult\":"
                + "{\"errorcode\":533,\"errortext\":\"Unable to create a deployment for VM\"}}").getAsJsonObject();
        assertEquals("Unable to create a deployment for VM", NativeApiClient.errorText(answer));
    }

    @Test
    public void anAnswerWithoutErrorTextIsToldWhole() {
        JsonObject answer = JsonParser.parseString("{\"jobstatus\":2}").getAsJsonObject();
        assertEquals("{\"jobstatus\":2}", NativeApiClient.errorText(answer));
    }
}
