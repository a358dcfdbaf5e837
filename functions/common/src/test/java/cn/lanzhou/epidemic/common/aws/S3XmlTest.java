package cn.lanzhou.epidemic.common.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The listing and error answers as S3 writes them, read by the scanner. */
class S3XmlTest {
    private static LeanS3Client.ListPage page(String xml) {
        return LeanS3Client.parseListPage(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void keysAreDecodedFromEveryEntityS3MayWrite() {
        LeanS3Client.ListPage page = page("""
                <?xml version="1.0" encoding="UTF-8"?>
                <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
                  <Name>reports-bucket</Name><Prefix>reports/daily/</Prefix><KeyCount>3</KeyCount><MaxKeys>1000</MaxKeys>
                  <IsTruncated>false</IsTruncated>
                  <Contents><Key>reports/daily/a&amp;b &lt;c&gt; &quot;d&quot; &apos;e&apos;.json</Key><LastModified>2020-02-13T16:00:00.000Z</LastModified>
                    <ETag>&quot;9b2cf535f27731c974343645a3985328&quot;</ETag><Size>1024</Size><StorageClass>STANDARD</StorageClass></Contents>
                  <Contents><Key>reports/daily/&#20848;&#x5DDE; &#x1F600;.csv</Key><Size>7</Size></Contents>
                  <Contents><Key>reports/daily/兰州/summary.json</Key><Size>7</Size></Contents>
                </ListBucketResult>
                """);
        assertEquals(List.of("reports/daily/a&b <c> \"d\" 'e'.json", "reports/daily/兰州 😀.csv", "reports/daily/兰州/summary.json"),
                page.keys());
        assertEquals(Optional.empty(), page.nextContinuationToken());
    }

    @Test
    void anEmptyListingHasNoKeysAndNoNextPage() {
        LeanS3Client.ListPage page = page("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>b</Name><Prefix>reports/daily/</Prefix>"
                + "<KeyCount>0</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated></ListBucketResult>");
        assertEquals(List.of(), page.keys());
        assertEquals(Optional.empty(), page.nextContinuationToken());
    }

    @Test
    void aTruncatedPageNamesTheTokenOfTheNextOneAndKeyCountIsNotAKey() {
        LeanS3Client.ListPage page = page("<ListBucketResult><Name>b</Name><Prefix></Prefix><KeyCount>2</KeyCount>"
                + "<MaxKeys>2</MaxKeys><IsTruncated>true</IsTruncated>"
                + "<ContinuationToken>1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=</ContinuationToken>"
                + "<Contents><Key>k1</Key></Contents><Contents><Key>k2</Key></Contents>"
                + "<NextContinuationToken>1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM&#61;&amp;</NextContinuationToken>"
                + "</ListBucketResult>");
        assertEquals(List.of("k1", "k2"), page.keys());
        assertEquals(Optional.of("1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=&"), page.nextContinuationToken());
    }

    @Test
    void aTruncatedPageWithoutATokenIsAnErrorNotAnEndlessLoop() {
        assertThrows(IllegalStateException.class,
                () -> page("<ListBucketResult><IsTruncated>true</IsTruncated><Contents><Key>k</Key></Contents></ListBucketResult>"));
    }

    @Test
    void anUnknownOrUnterminatedEntityIsAnError() {
        assertThrows(IllegalStateException.class, () -> S3Xml.decode("a&nbsp;b"));
        assertThrows(IllegalStateException.class, () -> S3Xml.decode("a&amp b"));
        assertThrows(IllegalStateException.class, () -> S3Xml.decode("&#x110000;"));
    }

    @Test
    void theErrorCodeIsReadFromS3sErrorAnswer() {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code>"
                + "<Message>The specified key does not exist.</Message><Key>reports/daily/x</Key><RequestId>4442587FB7D0A2F9</RequestId></Error>";
        assertEquals("NoSuchKey", LeanS3Client.errorCode(xml.getBytes(StandardCharsets.UTF_8)));
        assertEquals("", LeanS3Client.errorCode(new byte[0]));
        assertEquals("", LeanS3Client.errorCode("<html>Bad Gateway</html>".getBytes(StandardCharsets.UTF_8)));
    }
}
