print("jsna")
