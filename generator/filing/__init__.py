"""Filing without git (issue 13 §1): the filing page's embedded data and `carbonreg import` of an event zip."""
