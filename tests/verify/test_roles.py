"""Titles and roles (veracity.verify.roles)."""

from veracity.verify.contradiction import contradictions

CLAIM = ("Indonesia's Corruption Eradication Commission has named Hendra Wibisono, the former head of the port authority "
         "at Surabaya's Tanjung Perak harbour, as a suspect in a bribery case")


def test_a_former_title_agrees_with_a_former_title_however_it_is_written():
    for ev in ("Police searched the house of former Tanjung Perak port authority head Hendra Wibisono.",
               "Hendra Wibisono, who previously led the Tanjung Perak port authority in Surabaya, has been declared a suspect."):
        assert not [k for k in contradictions(CLAIM, ev, 0.8) if k.kind == "role"], ev
    # A current title against the claim's former one still conflicts.
    [k] = [k for k in contradictions(CLAIM, "Port authority head Hendra Wibisono said the dredging would start in May.", 0.8)
           if k.kind == "role"]
    assert "former head" in k.detail


def test_a_title_a_promotion_left_behind_is_out_of_date():
    claim = "The force would be commanded by Assistant Commissioner Marlon Thwaites of the Jamaica Constabulary Force."
    ev = "Marlon Thwaites was promoted from assistant commissioner to deputy commissioner of the Jamaica Constabulary Force."
    [k] = contradictions(claim, ev, 0.7)
    assert k.kind == "role" and "promoted since" in k.detail
    assert not contradictions(claim.replace("Assistant", "Deputy"), ev, 0.7)
