package cn.lanzhou.epidemic.local.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scanner finds what it must (so 0 hits in the suite means something) and nothing it must not. */
class PersonalDataScannerTest {
    private final PersonalDataScanner scanner = new PersonalDataScanner(LocalDate.of(2026, 11, 29));

    private List<String> kinds(String text) {
        return scanner.scan("test", text).stream().map(PersonalDataScanner.Hit::kind).toList();
    }

    @Test
    void aLogLineWithAFullIdNumberIsAHit() {
        String id = "62010219900307" + "123";
        String planted = id + cn.lanzhou.epidemic.person.ResidentIdNumber.checkCharacter(id);

        assertEquals(List.of("resident ID number"), kinds("{\"level\":\"INFO\",\"message\":\"saved\",\"idNumber\":\"" + planted + "\"}"));
        assertEquals(List.of("resident ID number"), kinds("证件号" + planted + "已登记"));
    }

    @Test
    void aLowerCaseCheckCharacterXIsAHit() {
        String first17 = findFirst17EndingInX();

        assertEquals(List.of("resident ID number"), kinds("id=" + first17 + "x"));
    }

    @Test
    void fullMobilesAreHitsInEveryWritingAFormAccepts() {
        assertEquals(List.of("mobile number"), kinds("{\"phone\":\"13912345678\"}"));
        assertEquals(List.of("mobile number"), kinds("电话13912345678。"));
        assertEquals(List.of("mobile number"), kinds("phone +8613912345678"));
        assertEquals(List.of("mobile number"), kinds("phone 0086 139 1234 5678"));
        assertEquals(List.of("mobile number"), kinds("phone 139-1234-5678"));
    }

    @Test
    void theHitIsReportedMasked() {
        PersonalDataScanner.Hit hit = scanner.scan("stdout", "13912345678").get(0);

        assertEquals("139****5678", hit.masked());
        assertEquals("stdout", hit.source());
    }

    @Test
    void masksUlidsHashesTimestampsAndNearMissesAreNotHits() {
        String first17 = "62010219900307123";
        char check = cn.lanzhou.epidemic.person.ResidentIdNumber.checkCharacter(first17);
        char wrong = check == '0' ? '1' : '0';

        assertEquals(List.of(), kinds("{\"idNumberMasked\":\"6***************2X\",\"phoneMasked\":\"139****5678\"}"));
        assertEquals(List.of(), kinds("id 01KB7Z3NDEKTSV4RRFFQ69G5FA 13912345678ABCDEFGHJKMNPQR"));
        assertEquals(List.of(), kinds("sha " + "ab" + first17 + check + "cd" + " hmac f13912345678e"));
        assertEquals(List.of(), kinds("epoch 1764443675000 nanos 139123456789 " + first17 + wrong));
        assertEquals(List.of(), kinds("born on 2099: 620102209903071230"));
        assertEquals(List.of(), kinds("12012345678 1391234567"));
    }

    @Test
    void whatTheJvmPrintsReachesTheScanThroughTheConsoleTee() {
        String marker = "tee-check-" + java.util.UUID.randomUUID();

        System.out.println(marker + "-out");
        System.err.println(marker + "-err");

        String captured = cn.lanzhou.epidemic.local.OutputCapture.captured();
        assertEquals(true, captured.contains(marker + "-out") && captured.contains(marker + "-err"), "the tee missed a line");
    }

    private static String findFirst17EndingInX() {
        for (int seq = 0; seq < 1000; seq++) {
            String first17 = "62010219900307" + String.format("%03d", seq);
            if (cn.lanzhou.epidemic.person.ResidentIdNumber.checkCharacter(first17) == 'X') {
                return first17;
            }
        }
        throw new IllegalStateException("no sequence gives X");
    }
}
