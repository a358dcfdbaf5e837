package cn.lanzhou.epidemic.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalStackExtension.class)
class DistrictsContractTest {

    @Test
    void getDistrictsAnswersTheNineDistrictsOfLanzhouInOrder(Api api) {
        LocalStackContract.districts(api);
    }
}
