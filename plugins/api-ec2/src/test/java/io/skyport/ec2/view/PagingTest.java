package io.skyport.ec2.view;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import io.skyport.ec2.Ec2Error;
import io.skyport.ec2.Ec2Exception;
import org.junit.Test;

public class PagingTest {
    @Test
    public void aTokenCarriesThePositionOfItsOwnOperation() {
        Paging p = Paging.of("DescribeInstances", 5, Paging.token("DescribeInstances", 10), 5, 1000);
        assertEquals(10, p.offset());
        assertEquals(5, p.limit());
        assertEquals(Paging.ALL, Paging.of("DescribeInstances", null, null, 5, 1000).limit());
    }

    @Test
    public void foreignOrForgedTokensAreRefused() {
        expect(Ec2Error.INVALID_PAGINATION_TOKEN, () -> Paging.of("DescribeInstances", 5,
                Paging.token("DescribeVolumes", 10), 5, 1000));
        expect(Ec2Error.INVALID_PAGINATION_TOKEN, () -> Paging.of("DescribeInstances", 5, "%%%", 5, 1000));
    }

    @Test
    public void maxResultsMustBeInTheDocumentedRange() {
        expect(Ec2Error.INVALID_PARAMETER_VALUE, () -> Paging.of("DescribeInstances", 4, null, 5, 1000));
        expect(Ec2Error.INVALID_PARAMETER_VALUE, () -> Paging.of("DescribeInstances", 1001, null, 5, 1000));
    }

    private static void expect(Ec2Error error, Runnable r) {
        try {
            r.run();
            fail("accepted");
        } catch (Ec2Exception e) {
            assertEquals(error, e.error());
        }
    }
}
