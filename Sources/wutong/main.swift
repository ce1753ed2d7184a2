print("wutong")
