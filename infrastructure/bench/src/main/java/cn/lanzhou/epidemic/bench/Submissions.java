package cn.lanzhou.epidemic.bench;

import cn.lanzhou.epidemic.local.SampleData;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.ThreadLocalRandom;

/** Fresh, valid request bodies, so that every measured request really writes (no replays, no 409s). */
final class Submissions {
    private static final String[] DISTRICTS = {"chengguan", "qilihe", "xigu", "anning", "honggu", "yongdeng", "gaolan", "yuzhong", "lanzhou-new-area"};

    private Submissions() {
    }

    static String district() {
        return DISTRICTS[ThreadLocalRandom.current().nextInt(DISTRICTS.length)];
    }

    static String residentId() {
        return SampleData.residentId(ThreadLocalRandom.current());
    }

    static String creditCode() {
        return SampleData.creditCode(ThreadLocalRandom.current());
    }

    static String phone() {
        return SampleData.mobile(ThreadLocalRandom.current());
    }
    static String registration() {
        return "{\"name\":\"王芳\",\"idNumber\":\"" + residentId() + "\",\"phone\":\"" + phone() + "\",\"district\":\""
                + district() + "\",\"site\":{\"type\":\"CHECKPOINT\",\"code\":\"G312-01\"},\"temperatureCelsius\":36.6,"
                + "\"vehiclePlate\":\"甘A" + String.format("%05d", ThreadLocalRandom.current().nextInt(100_000))
                + "\",\"origin\":\"西安\",\"consent\":true}";
    }

    static String donation() {
        return "{\"donor\":{\"name\":\"兰州某商贸有限公司\",\"type\":\"ORGANIZATION\"},\"district\":\"" + district()
                + "\",\"kind\":\"MATERIALS\",\"items\":[{\"category\":\"MASK\",\"name\":\"医用外科口罩\",\"quantity\":5000,"
                + "\"unit\":\"只\",\"unitValue\":\"1.20\"},{\"category\":\"DISINFECTANT\",\"name\":\"84消毒液\",\"quantity\":200,"
                + "\"unit\":\"瓶\",\"unitValue\":\"15.50\"}]}";
    }

    static String reopening() {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        return "{\"enterprise\":{\"name\":\"兰州某机械制造有限公司\",\"creditCode\":\"" + creditCode() + "\",\"industry\":\"装备制造\","
                + "\"aboveDesignatedSize\":true,\"employees\":320},\"district\":\"" + district() + "\",\"street\":\"西站街道\","
                + "\"contact\":{\"name\":\"李明\",\"phone\":\"" + phone() + "\"},\"plannedDate\":\"" + today + "\","
                + "\"returningEmployees\":280,\"employeesFromHubei\":0,\"prevention\":{\"responsiblePerson\":\"赵强\","
                + "\"disinfectionsPerDay\":3,\"entrySteps\":[\"MASK\",\"TEMPERATURE\",\"DISINFECTION\",\"HEALTH_FORM\",\"CONSENT\",\"PASS\"],"
                + "\"masksInStock\":5000,\"thermometers\":6,\"emergencyPlan\":true}}";
    }
}
